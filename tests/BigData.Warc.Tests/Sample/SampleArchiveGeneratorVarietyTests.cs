using System.Globalization;
using System.Text.RegularExpressions;
using BigData.Warc.Sample;

namespace BigData.Warc.Tests.SampleGeneration;

public sealed partial class SampleArchiveGeneratorVarietyTests
{
    /// <summary>Every URI shape a host counter must handle, as a pattern over the raw WARC-Target-URI.</summary>
    private static readonly Dictionary<string, Regex> Kinds = new()
    {
        ["http"] = new("^<?(?i:http)://"),
        ["https"] = new("^<?(?i:https)://"),
        ["upper-case scheme"] = new("^<?HTTPS?://"),
        ["upper-case host"] = new("^<?[A-Za-z]+://([^/?#@]*@)?[^/?#]*[A-Z]"),
        ["explicit default port"] = new("^<?((?i:http)://[^/?#]*:0*80|(?i:https)://[^/?#]*:0*443)([/?#>]|$)"),
        ["leading-zero port"] = new("^<?[A-Za-z]+://[^/?#]*:0[0-9]+([/?#>]|$)"),
        ["non-default port"] = new("^<?[A-Za-z]+://[^/?#]*:(8080|8000|8443|8888|3000|81|8081)([/?#>]|$)"),
        ["idn"] = new("^<?[A-Za-z]+://([^/?#@]*@)?([^/?#]*\\.)?(?i:xn--)"),
        ["ipv4"] = new("^<?[A-Za-z]+://([^/?#@]*@)?[0-9]{1,3}(\\.[0-9]{1,3}){3}([:/?#>]|$)"),
        ["ipv6"] = new("^<?[A-Za-z]+://([^/?#@]*@)?\\[[0-9A-Fa-f:]+\\]"),
        ["www"] = new("^<?[A-Za-z]+://([^/?#@]*@)?(?i:www)\\."),
        ["query"] = new("\\?[^#]+"),
        ["query without path"] = new("^<?[A-Za-z]+://[^/?#]+\\?"),
        ["fragment"] = new("#[^>]+"),
        ["userinfo"] = new("^<?[A-Za-z]+://[^/?#@]+@"),
        ["trailing dot"] = new("^<?[A-Za-z]+://([^/?#@]*@)?[^/?#\\[]*[A-Za-z]\\.([:/?#>]|$)"),
        ["angle brackets"] = new("^<.*>$"),
    };

    public static TheoryData<string> KindNames => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Write_200Pages_ContainsUriKind(string kind)
    {
        var uris = GeneratedSample.Default.Responses.Select(r => r.Header("WARC-Target-URI")!).ToList();

        Assert.Contains(uris, u => Kinds[kind].IsMatch(u));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void Write_AnySeed_ContainsEveryUriKind(long seed)
    {
        var uris = GeneratedSample.Create(new SampleOptions { Pages = 30, Hosts = 200, Seed = seed })
            .Responses.Select(r => r.Header("WARC-Target-URI")!).ToList();

        var missing = Kinds.Where(k => !uris.Any(u => k.Value.IsMatch(u))).Select(k => k.Key).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Write_WwwHost_HasItsBareTwin()
    {
        var hosts = GeneratedSample.Default.Responses.Select(r => Origin(r.Header("WARC-Target-URI")!).Host).ToHashSet();

        Assert.Contains(hosts, h => h.StartsWith("www.", StringComparison.Ordinal) && hosts.Contains(h[4..]));
    }

    [Fact]
    public void Write_SmallHostCount_ExactlyThatManyOriginsAfterNormalisation()
    {
        var sample = GeneratedSample.Create(new SampleOptions { Pages = 300, Hosts = 10, Seed = 3 });

        var origins = sample.Responses.Select(r => Origin(r.Header("WARC-Target-URI")!).Key).Distinct().ToList();

        Assert.Equal(10, origins.Count);
    }

    [Fact]
    public void Write_HostPopularity_ZipfSkewed()
    {
        var counts = GeneratedSample.Default.Responses
            .GroupBy(r => Origin(r.Header("WARC-Target-URI")!).Key)
            .Select(g => g.Count())
            .OrderDescending()
            .ToList();

        var median = counts[counts.Count / 2];
        Assert.True(counts.Count >= 40, $"200 pages over 200 hosts should reach many hosts, got {counts.Count}");
        Assert.True(counts[0] >= 5 * median, $"top host {counts[0]} vs median {median}");
        Assert.True(counts[0] >= 20, $"the top host should get about 1/H(200) = 17% of the pages, got {counts[0]}");
    }

    /// <summary>
    /// The test's own small normaliser (scheme, lower-case host without trailing dot, non-default port), enough for
    /// the URIs this generator writes; independent of the product's key rules.
    /// </summary>
    private static (string Key, string Host) Origin(string uri)
    {
        var u = uri.Trim('<', '>');
        var m = OriginRegex().Match(u);
        Assert.True(m.Success, "unexpected URI shape: " + uri);
        var scheme = m.Groups["scheme"].Value.ToLowerInvariant();
        var host = m.Groups["host"].Value.ToLowerInvariant().TrimEnd('.');
        var port = m.Groups["port"].Success ? int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture) : 0;
        var defaultPort = scheme == "https" ? 443 : 80;
        var key = port == 0 || port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{port}";
        return (key, host);
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z]+)://([^/?#@]*@)?(?<host>\[[^\]]+\]|[^:/?#]+)(:(?<port>[0-9]+))?([/?#]|$)")]
    private static partial Regex OriginRegex();
}
