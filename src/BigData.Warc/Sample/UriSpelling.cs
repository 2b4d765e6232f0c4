namespace BigData.Warc.Sample;

/// <summary>
/// How one page's <c>WARC-Target-URI</c> is spelled. The flags that change letters, default ports, a trailing dot,
/// userinfo or angle brackets leave the normalised origin unchanged; query and fragment add parts after the path.
/// </summary>
[Flags]
internal enum UriSpelling
{
    None = 0,

    /// <summary>Upper-case scheme and mixed-case host: <c>HTTP://WWW.Example.COM/</c>.</summary>
    UpperCase = 1 << 0,

    /// <summary>The scheme's default port written out: <c>http://a.com:80/</c>.</summary>
    ExplicitDefaultPort = 1 << 1,

    /// <summary>With <see cref="ExplicitDefaultPort"/>: a leading zero, <c>:0443</c>.</summary>
    LeadingZeroPort = 1 << 2,

    /// <summary>A trailing dot after a host name: <c>http://a.com./</c>.</summary>
    TrailingDot = 1 << 3,

    /// <summary>Userinfo before the host: <c>http://user:pass@a.com/</c>.</summary>
    UserInfo = 1 << 4,

    /// <summary>The URI wrapped in <c>&lt;…&gt;</c> (WARC 1.0 grammar, as wget writes it).</summary>
    AngleBrackets = 1 << 5,

    /// <summary>A query string: <c>/a?id=3</c>.</summary>
    Query = 1 << 6,

    /// <summary>A fragment: <c>/a#top</c>.</summary>
    Fragment = 1 << 7,

    /// <summary>A query right after the authority, no path: <c>http://a.b:8080?q=1</c>.</summary>
    EmptyPathQuery = 1 << 8,
}
