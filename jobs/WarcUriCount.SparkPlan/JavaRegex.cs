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

    /// <summary>
    /// A non-empty IPv6 literal (up to the first <c>]</c>), then nothing, <c>:</c> or <c>:port</c> where the port is
    /// everything after that colon (step 4, as OriginKey); groups: host, port. <c>[]</c> names no host.
    /// </summary>
    public const string Ipv6HostPort = @"(?s)\A(\[[^\]]+\])(?::(.*))?\z";

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

    /// <summary>A Content-Length value as the reader parses it: 1 to 18 digits (no overflow of the bigint cast).</summary>
    public const string ContentLengthDigits = @"\A[0-9]{1,18}\z";

    /// <summary>The CRs at the end of a header line piece (the reader drops all of them, then trims blanks).</summary>
    public const string TrailingCrs = @"\r+\z";

    /// <summary>Leading and trailing spaces and tabs.</summary>
    public const string EdgeBlanks = @"\A[ \t]+|[ \t]+\z";

    /// <summary>
    /// The first header line named <paramref name="lowerName"/> (ASCII case-insensitive; spaces or tabs may precede the
    /// colon, as the reader allows) with its continuation lines (starting with a space or a tab); group 1 is the raw
    /// value, lines still separated by LF. The head starts with the version line, so every header follows an LF.
    /// </summary>
    public static string HeaderLine(string lowerName) => @"\n(?i:" + lowerName + @")[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)";

    /// <summary>As <see cref="HeaderLine"/> without continuation lines (the reader reads Content-Length from one line).</summary>
    public static string HeaderFirstLine(string lowerName) => @"\n(?i:" + lowerName + @")[ \t]*:([^\n]*)";
}
