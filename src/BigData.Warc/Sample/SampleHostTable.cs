using System.Diagnostics;

namespace BigData.Warc.Sample;

/// <summary>
/// The sample's hosts ordered by popularity: rank r is drawn with probability proportional to 1/(r+1) (Zipf, s = 1),
/// as host frequencies in a crawl are. The first ranks are fixed to one host of every kind, so even a small sample
/// contains IDN, IPv4, IPv6, non-default-port and www/bare twin hosts.
/// </summary>
internal sealed class SampleHostTable
{
    /// <summary>Seed domain of the host table's random stream.</summary>
    private const ulong StreamDomain = 1;

    /// <summary>The first ranks, fixed so every kind is frequent: see <see cref="Fixed"/>.</summary>
    private const int FixedRanks = 8;

    private static readonly string[] Tlds =
    [
        "com", "com", "com", "com", "com", "com", "com", "com", "com", "org", "org", "net", "net", "de", "de", "co.uk",
        "fr", "ru", "jp", "io", "info", "nl", "it", "pl", "com.br", "com.au", "edu", "gov", "es", "ca", "ch",
    ];

    private static readonly string[] SubDomains = ["blog", "shop", "news", "m", "en", "de", "forum", "docs", "store", "wiki"];

    // Real ASCII forms of internationalised labels: bücher, münchen, café, and the .рф and .中国 top-level domains.
    private static readonly string[] IdnLabels = ["xn--bcher-kva", "xn--mnchen-3ya", "xn--caf-dma"];
    private static readonly string[] IdnTlds = ["xn--p1ai", "xn--fiqs8s"];

    private static readonly string[] Servers =
    [
        "nginx", "Apache", "Apache/2.4.41 (Ubuntu)", "cloudflare", "Microsoft-IIS/10.0", "LiteSpeed", "nginx/1.18.0",
        "openresty", "Apache/2.4.58 (Debian)", "AmazonS3", "Varnish", "gws",
    ];

    private static readonly int[] OddPorts = [8080, 8000, 8443, 8888, 3000, 81, 8081];

    private readonly SampleHost[] _hosts;
    private readonly double[] _cumulative;

    private SampleHostTable(SampleHost[] hosts)
    {
        _hosts = hosts;
        _cumulative = new double[hosts.Length];
        var sum = 0.0;
        for (var r = 0; r < hosts.Length; r++)
        {
            sum += 1.0 / (r + 1);
            _cumulative[r] = sum;
        }
    }

    public int Count => _hosts.Length;

    public SampleHost this[int rank] => _hosts[rank];

    /// <summary>Builds the table for <paramref name="options"/>; same options, same table.</summary>
    public static SampleHostTable Create(SampleOptions options)
    {
        var random = new SampleRandom(SampleRandom.StreamSeed((ulong)options.Seed, StreamDomain, 0));
        var hosts = new List<SampleHost>(options.Hosts);
        var origins = new HashSet<string>(StringComparer.Ordinal);
        while (hosts.Count < options.Hosts)
        {
            var rank = hosts.Count;
            var host = rank < FixedRanks ? Fixed(rank, hosts, random) : Random(hosts, random);
            if (origins.Add(host.Origin))
            {
                hosts.Add(host);
            }
        }

        return new SampleHostTable([.. hosts]);
    }

    /// <summary>A host rank drawn with Zipf popularity.</summary>
    public int DrawRank(SampleRandom random)
    {
        var u = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, u);
        var rank = i >= 0 ? i : ~i;
        return Math.Min(rank, _hosts.Length - 1);
    }

    private static SampleHost Fixed(int rank, List<SampleHost> hosts, SampleRandom random) => rank switch
    {
        0 => Make(SampleHostKind.WwwDomain, "https", "www." + DomainName(random, allowSub: false), 0, random),
        1 => Make(SampleHostKind.Domain, "http", DomainName(random, allowSub: false), 0, random),
        2 => Make(SampleHostKind.Idn, "https", random.Pick(IdnLabels) + ".de", 0, random),
        3 => Make(SampleHostKind.IPv4, "http", IPv4(random), 0, random),
        4 => Make(SampleHostKind.IPv6, "http", "2001:db8::" + (1 + random.Next(9)), 8080, random),
        5 => Make(SampleHostKind.Domain, "http", DomainName(random, allowSub: true), 8080, random),
        6 => Make(SampleHostKind.Domain, "https", hosts[0].Name["www.".Length..], 0, random), // bare twin of rank 0
        7 => Make(SampleHostKind.Domain, "https", DomainName(random, allowSub: true), 8443, random),
        _ => throw new UnreachableException(),
    };

    private static SampleHost Random(List<SampleHost> hosts, SampleRandom random)
    {
        var scheme = random.Chance(650) ? "https" : "http";
        var port = random.Chance(50) ? random.Pick(OddPorts) : 0;
        var roll = random.Next(1000);
        if (roll < 100)
        {
            // The www / bare twin of an earlier domain: distinct hosts that people expect to be "the same site".
            var earlier = hosts[random.Next(hosts.Count)];
            if (earlier.Kind is SampleHostKind.Domain or SampleHostKind.WwwDomain)
            {
                var twin = earlier.Name.StartsWith("www.", StringComparison.Ordinal) ? earlier.Name[4..] : "www." + earlier.Name;
                return Make(twin.StartsWith("www.", StringComparison.Ordinal) ? SampleHostKind.WwwDomain : SampleHostKind.Domain, scheme, twin, port, random);
            }
        }

        return roll switch
        {
            < 220 => Make(SampleHostKind.WwwDomain, scheme, "www." + DomainName(random, allowSub: false), port, random),
            < 270 => Make(SampleHostKind.Idn, scheme, IdnName(random), port, random),
            < 320 => Make(SampleHostKind.IPv4, scheme, IPv4(random), port, random),
            < 350 => Make(SampleHostKind.IPv6, scheme, IPv6(random), port, random),
            _ => Make(SampleHostKind.Domain, scheme, DomainName(random, allowSub: true), port, random),
        };
    }

    private static SampleHost Make(SampleHostKind kind, string scheme, string name, int port, SampleRandom random)
    {
        Debug.Assert(name.Length > 0 && name == name.ToLowerInvariant(), "canonical host names are lower-case");
        var ip = kind switch
        {
            SampleHostKind.IPv4 or SampleHostKind.IPv6 => name,
            _ => IPv4(random),
        };
        return new SampleHost(kind, scheme, name, port, ip, random.Pick(Servers), random.NextUInt64());
    }

    private static string DomainName(SampleRandom random, bool allowSub)
    {
        var words = SampleVocabulary.Instance;
        var label = random.Next(4) switch
        {
            0 => words.AnyWordString(random),
            1 => words.AnyWordString(random) + words.AnyWordString(random),
            2 => words.AnyWordString(random) + "-" + words.AnyWordString(random),
            _ => words.AnyWordString(random) + random.Next(1, 100),
        };
        var name = label + "." + random.Pick(Tlds);
        return allowSub && random.Chance(150) ? random.Pick(SubDomains) + "." + name : name;
    }

    private static string IdnName(SampleRandom random)
    {
        var words = SampleVocabulary.Instance;
        return random.Next(3) switch
        {
            0 => random.Pick(IdnLabels) + "." + words.AnyWordString(random) + "." + random.Pick(Tlds),
            1 => words.AnyWordString(random) + "." + random.Pick(IdnTlds),
            // Punycode-shaped label (xn--, letters, a hyphen, a short suffix): plausible, not necessarily decodable.
            _ => "xn--" + words.AnyWordString(random) + "-" + Base36(random, 3 + random.Next(2)) + "." + random.Pick(Tlds),
        };
    }

    private static string IPv4(SampleRandom random)
    {
        int first;
        do
        {
            first = random.Next(1, 224);
        }
        while (first is 10 or 127);

        return $"{first}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
    }

    private static string IPv6(SampleRandom random) => random.Next(3) switch
    {
        0 => $"2001:db8::{random.Next(1, 0x10000):x}",
        1 => $"2001:db8:{random.Next(0x10000):x}:{random.Next(0x10000):x}::{random.Next(1, 0x10000):x}",
        _ => $"2a02:{random.Next(0x10000):x}:{random.Next(0x10000):x}:0:{random.Next(0x10000):x}:{random.Next(0x10000):x}:{random.Next(0x10000):x}:{random.Next(1, 0x10000):x}",
    };

    private static string Base36(SampleRandom random, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }
}
