namespace WarcUriCount.SparkPlan;

/// <summary>
/// The Java regular expressions of the plan (java.util.regex, as Spark's <c>regexp_extract</c>,
/// <c>regexp_replace</c>, <c>rlike</c> and <c>split</c> use them). They anchor with <c>\A</c> and <c>\z</c>, never
/// <c>^</c> and <c>$</c>: Java's <c>$</c> also matches before a final line terminator, and Java counts U+0085, U+2028
/// and U+2029 as line terminators.
/// </summary>
internal static class JavaRegex
{
    /// <summary>The versions DESIGN.md §4 accepts, as the rest of the version line after <c>WARC/</c>.</summary>
    public const string VersionLine = @"\A(?:0\.17|0\.18|1\.0|1\.1)\r?\n";

    /// <summary>The scheme and <c>//</c> (DESIGN.md §5 step 1); group 1 is the scheme.</summary>
    public const string Scheme = @"\A([A-Za-z][A-Za-z0-9+.\-]*)://";

    /// <summary>The authority up to the first <c>/</c>, <c>?</c> or <c>#</c> (step 2); group 1.</summary>
    public const string Authority = @"\A[A-Za-z][A-Za-z0-9+.\-]*://([^/?#]*)";

    /// <summary>Whitespace or control bytes (step 3).</summary>
    public const string ControlOrSpace = @"[\x00-\x20\x7F]";

    /// <summary>Userinfo up to the last <c>@</c> (step 2).</summary>
    public const string UserInfo = @"(?s)\A.*@";

    /// <summary>An IPv6 literal start.</summary>
    public const string Ipv6Start = @"\A\[";

    /// <summary>An IPv6 literal, optionally followed by <c>:port</c> and nothing else (step 4); groups: host, port.</summary>
    public const string Ipv6HostPort = @"(?s)\A(\[[^\]]*\])(?::(.*))?\z";

    /// <summary>The last <c>:</c> and what follows it (step 4); group 1 is the port.</summary>
    public const string LastColonPort = @"(?s):([^:]*)\z";

    /// <summary>A port of digits (step 6).</summary>
    public const string Digits = @"\A[0-9]+\z";

    /// <summary>Leading zeros of a digit port, keeping the last digit.</summary>
    public const string LeadingZeros = @"\A0+(?=[0-9])";

    /// <summary>One trailing dot (step 5).</summary>
    public const string TrailingDot = @"\.\z";

    /// <summary>The two hex digits that follow a <c>%</c>, at the start of a split segment; group 1.</summary>
    public const string EscapeDigits = @"\A([0-9A-Fa-f]{2})?";

    /// <summary>The same, to remove them.</summary>
    public const string EscapeDigitsToRemove = @"\A[0-9A-Fa-f]{2}";

    /// <summary>The replacement character U+FFFD, which Java's UTF-8 decoder puts where bytes were invalid.</summary>
    public const string ReplacementChar = @"\uFFFD";

    /// <summary>ASCII whitespace as the seed rule splits on it (Python's bytes.split): space, TAB, LF, VT, FF, CR.</summary>
    public const string Ws = @"[ \t\n\x0B\f\r]";

    /// <summary>Not ASCII whitespace.</summary>
    public const string NotWs = @"[^ \t\n\x0B\f\r]";

    /// <summary>The first word of a line; group 1 (empty when there is none).</summary>
    public const string FirstWord = @"\A" + Ws + "*(" + NotWs + "*)";

    /// <summary>The second word of a line; group 1 (no match when there is none).</summary>
    public const string SecondWord = @"\A" + Ws + "*" + NotWs + "+" + Ws + "+(" + NotWs + "+)";

    /// <summary>At least three <c>/</c>-separated parts; groups: part 0 and part 2.</summary>
    public const string SeedParts = @"\A([^/]*)/[^/]*/([^/]*)";

    /// <summary>A surrounding <c>&lt;…&gt;</c>; group 1 is the inside.</summary>
    public const string AngleBrackets = @"(?s)\A<(.*)>\z";

    /// <summary>Continuation line breaks inside a header value, with the spaces and tabs around them.</summary>
    public const string Continuation = @"[ \t]*\r?\n[ \t]+";

    /// <summary>Leading spaces and tabs, and trailing spaces, tabs and the CR of a CRLF line end.</summary>
    public const string TrimValue = @"\A[ \t]+|[ \t]*\r?\z";

    /// <summary>A Content-Length value: digits (at most 18, so the cast to bigint cannot overflow) between blanks.</summary>
    public const string ContentLengthDigits = @"\A[ \t]*([0-9]{1,18})[ \t]*\r?\z";

    /// <summary>
    /// The first header line named <paramref name="lowerName"/> (ASCII case-insensitive) with its continuation lines;
    /// group 1 is the raw value. The head starts with the version line, so every header follows an LF.
    /// </summary>
    public static string HeaderLine(string lowerName) => @"\n(?i:" + lowerName + @"):([^\n]*(?:\n[ \t][^\n]*)*)";

    /// <summary>Whether a header named <paramref name="lowerName"/> is present.</summary>
    public static string HeaderPresent(string lowerName) => @"\n(?i:" + lowerName + "):";
}
