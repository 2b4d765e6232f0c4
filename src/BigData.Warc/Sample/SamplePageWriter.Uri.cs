namespace BigData.Warc.Sample;

internal sealed partial class SamplePageWriter
{
    /// <summary>
    /// The first pages of every sample: one of each URI spelling on the fixed top-ranked hosts (see
    /// <see cref="SampleHostTable"/>), so even a tiny sample has every variant. Later pages draw them at random.
    /// </summary>
    private static readonly (int Rank, UriSpelling Spelling)[] Showcase =
    [
        (0, UriSpelling.UpperCase), // HTTPS://WWW.Example.COM/
        (1, UriSpelling.ExplicitDefaultPort), // http://a.com:80/
        (0, UriSpelling.ExplicitDefaultPort), // https://www.a.com:443/
        (2, UriSpelling.None), // IDN
        (3, UriSpelling.Query), // IPv4
        (4, UriSpelling.None), // http://[2001:db8::1]:8080/
        (5, UriSpelling.EmptyPathQuery), // http://a.b:8080?q=1
        (6, UriSpelling.Fragment), // bare twin of the www host
        (1, UriSpelling.UserInfo),
        (1, UriSpelling.TrailingDot),
        (0, UriSpelling.AngleBrackets),
        (7, UriSpelling.Query | UriSpelling.Fragment), // https, port 8443
        (4, UriSpelling.UpperCase), // IPv6 with upper-case hex
        (1, UriSpelling.ExplicitDefaultPort | UriSpelling.LeadingZeroPort), // http://a.com:080/
    ];

    private static readonly string[] QueryNames = ["id", "page", "p", "q", "sort", "lang", "ref", "utm_source", "s", "cat"];

    /// <summary>Per-page URI spelling; rare enough to be realistic, common enough for a 200-page sample.</summary>
    private static UriSpelling DrawSpelling(SampleRandom r)
    {
        var s = UriSpelling.None;
        if (r.Chance(40))
        {
            s |= UriSpelling.UpperCase;
        }

        if (r.Chance(50))
        {
            s |= UriSpelling.ExplicitDefaultPort;
            if (r.Chance(150))
            {
                s |= UriSpelling.LeadingZeroPort;
            }
        }

        if (r.Chance(25))
        {
            s |= UriSpelling.TrailingDot;
        }

        if (r.Chance(20))
        {
            s |= UriSpelling.UserInfo;
        }

        if (r.Chance(25))
        {
            s |= UriSpelling.AngleBrackets;
        }

        if (r.Chance(250))
        {
            s |= UriSpelling.Query;
        }
        else if (r.Chance(20))
        {
            s |= UriSpelling.EmptyPathQuery;
        }

        if (r.Chance(30))
        {
            s |= UriSpelling.Fragment;
        }

        return s;
    }

    /// <summary>The request target (path and query) into <see cref="_target"/>.</summary>
    private void WriteRequestTarget(SampleRandom r, UriSpelling spelling)
    {
        var words = SampleVocabulary.Instance;
        var t = _target;
        t.Clear();
        t.Append('/');
        if ((spelling & UriSpelling.EmptyPathQuery) == 0)
        {
            switch (r.Next(6))
            {
                case 0:
                    break; // the home page
                case 1:
                    t.Append(words.ZipfWord(r));
                    t.Append('/');
                    break;
                case 2:
                    t.Append(words.ZipfWord(r));
                    t.Append('/');
                    t.Append(words.AnyWord(r));
                    t.Append('-');
                    t.Append(words.AnyWord(r));
                    t.Append(".html"u8);
                    break;
                case 3:
                    t.AppendNumber(r.Next(2005, 2025));
                    t.Append('/');
                    t.AppendNumber(r.Next(1, 13), 2);
                    t.Append('/');
                    t.Append(words.AnyWord(r));
                    t.Append('-');
                    t.Append(words.ZipfWord(r));
                    t.Append('-');
                    t.Append(words.AnyWord(r));
                    t.Append('/');
                    break;
                case 4:
                    t.Append(words.ZipfWord(r));
                    t.Append("/item/"u8);
                    t.AppendNumber(r.Next(1, 10000000));
                    break;
                default:
                    t.Append("index.php"u8);
                    break;
            }
        }

        if ((spelling & (UriSpelling.Query | UriSpelling.EmptyPathQuery)) != 0)
        {
            t.Append('?');
            var pairs = r.Next(1, 4);
            for (var i = 0; i < pairs; i++)
            {
                if (i > 0)
                {
                    t.Append('&');
                }

                t.AppendAscii(r.Pick(QueryNames));
                t.Append('=');
                if (r.Chance(500))
                {
                    t.AppendNumber(r.Next(1, 100000));
                }
                else
                {
                    t.Append(words.ZipfWord(r));
                }
            }
        }
    }

    /// <summary>The WARC-Target-URI as this page spells it, into <see cref="_uri"/>.</summary>
    private void WriteTargetUri(SampleRandom r, SampleHost host, UriSpelling spelling)
    {
        var u = _uri;
        u.Clear();
        var upper = (spelling & UriSpelling.UpperCase) != 0;
        if ((spelling & UriSpelling.AngleBrackets) != 0)
        {
            u.Append('<');
        }

        u.AppendAscii(upper ? (host.IsHttps ? "HTTPS" : "HTTP") : host.Scheme);
        u.Append("://"u8);
        if ((spelling & UriSpelling.UserInfo) != 0)
        {
            u.Append(SampleVocabulary.Instance.AnyWord(r));
            if (r.Chance(500))
            {
                u.Append(':');
                u.AppendHex(r.NextUInt64() >> 32, 8);
            }

            u.Append('@');
        }

        var hostStart = u.Length;
        if (host.Kind == SampleHostKind.IPv6)
        {
            u.Append('[');
            u.AppendAscii(host.Name);
            u.Append(']');
        }
        else
        {
            u.AppendAscii(host.Name);
        }

        if (upper)
        {
            MixCase(r, u, hostStart);
        }

        if ((spelling & UriSpelling.TrailingDot) != 0 && host.IsDomainName)
        {
            u.Append('.');
        }

        if (host.Port != 0)
        {
            u.Append(':');
            u.AppendNumber(host.Port);
        }
        else if ((spelling & UriSpelling.ExplicitDefaultPort) != 0)
        {
            u.Append((spelling & UriSpelling.LeadingZeroPort) != 0 ? ":0"u8 : ":"u8);
            u.AppendNumber(host.IsHttps ? 443 : 80);
        }

        var target = _target.Span;
        u.Append((spelling & UriSpelling.EmptyPathQuery) != 0 ? target[1..] : target);
        if ((spelling & UriSpelling.Fragment) != 0)
        {
            u.Append('#');
            u.Append(SampleVocabulary.Instance.ZipfWord(r));
        }

        if ((spelling & UriSpelling.AngleBrackets) != 0)
        {
            u.Append('>');
        }
    }

    /// <summary>
    /// Upper-cases the host written from <paramref name="start"/>: the first label and the last wholly, the others
    /// capitalised (<c>WWW.Example.COM</c>); IP literals keep digits, so only their hex letters change.
    /// </summary>
    private static void MixCase(SampleRandom r, ByteBuilder u, int start)
    {
        var span = u.Span;
        var labelStart = true;
        var labelIndex = 0;
        var lastDot = span.LastIndexOf((byte)'.');
        var everything = r.Chance(300);
        for (var i = start; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '.')
            {
                labelStart = true;
                labelIndex++;
                continue;
            }

            if (everything || labelIndex == 0 || i > lastDot || labelStart)
            {
                u.UpperAt(i);
            }

            labelStart = false;
        }
    }
}
