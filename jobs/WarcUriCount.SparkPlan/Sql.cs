namespace WarcUriCount.SparkPlan;

/// <summary>Small builders for the Spark SQL expression text of the plan (built-in functions only).</summary>
internal static class Sql
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    public static string Lit(string value) => SqlText.Literal(value);

    public static string RegexpExtract(string subject, string javaRegex, int group) =>
        $"regexp_extract({subject}, {Lit(javaRegex)}, {group})";

    public static string RegexpReplace(string subject, string javaRegex, string replacement) =>
        $"regexp_replace({subject}, {Lit(javaRegex)}, {Lit(replacement)})";

    /// <summary><c>subject RLIKE regex</c>, false (not null) when <paramref name="subject"/> is null.</summary>
    public static string RLike(string subject, string javaRegex) => $"COALESCE({subject} RLIKE {Lit(javaRegex)}, false)";

    /// <summary>
    /// ASCII-only lowercasing. Spark's <c>lower()</c> lowercases every Unicode letter (and goes through Java's
    /// locale-independent rules); <c>translate</c> maps exactly the 26 letters and leaves every other character as it is.
    /// </summary>
    public static string AsciiLower(string subject) => $"translate({subject}, {Lit(Upper)}, {Lit(Lower)})";

    /// <summary>
    /// ASCII lowercasing that leaves the two hex digits of every percent-escape as they are (DESIGN.md §5 step 5:
    /// "percent-escapes stay as they are"). The string is split on <c>%</c>; every segment but the first starts with
    /// what follows a <c>%</c>, so its first two characters are kept when they are hex digits. An escape never
    /// contains another <c>%</c>, so escapes cannot overlap and the split sees every one of them.
    /// </summary>
    public static string AsciiLowerKeepingEscapes(string subject) =>
        $"array_join(transform(split({subject}, '%', -1), (seg, idx) -> IF(idx = 0, {AsciiLower("seg")}, " +
        $"concat({RegexpExtract("seg", JavaRegex.EscapeDigits, 1)}, {AsciiLower(RegexpReplace("seg", JavaRegex.EscapeDigitsToRemove, ""))}))), '%')";

    /// <summary>
    /// The value of the first header named <paramref name="lowerName"/> in <paramref name="head"/>, as the WARC reader
    /// returns it: the first line's rest and each continuation line lose their trailing CRs, then their leading and
    /// trailing spaces and tabs, and the non-empty pieces are joined with one space (<c>array_join</c> skips the NULLs
    /// <c>nullif</c> makes of empty pieces); empty when the header is absent.
    /// </summary>
    public static string HeaderValue(string head, string lowerName) =>
        $"array_join(transform(split({RegexpExtract(head, JavaRegex.HeaderLine(lowerName), 1)}, {Lit("\n")}, -1), " +
        $"piece -> nullif({HeaderPiece("piece")}, '')), ' ')";

    /// <summary>The value of the first line named <paramref name="lowerName"/>, without continuation lines.</summary>
    public static string HeaderFirstLineValue(string head, string lowerName) =>
        HeaderPiece(RegexpExtract(head, JavaRegex.HeaderFirstLine(lowerName), 1));

    /// <summary>One line's part of a header value: trailing CRs dropped, then spaces and tabs trimmed at both ends.</summary>
    private static string HeaderPiece(string subject) =>
        RegexpReplace(RegexpReplace(subject, JavaRegex.TrailingCrs, ""), JavaRegex.EdgeBlanks, "");

    public static string As(string expression, string name) => $"{expression} AS {name}";
}
