using System.Text;
using TestSupport;
using WarcUriCount.Keys;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

/// <summary>
/// Differential test: OriginKey against an independent Python reading of DESIGN.md §5
/// (<c>Oracle/origin_key.py</c>), on hand-made and thousands of seeded random nasty URIs, in one python run.
/// </summary>
public class OriginKeyOracleTests
{
    private static readonly string[] HandMade =
    [
        "<HTTP://User@Example.COM.:80/a>", "https://[2001:DB8::1]:0443/", "http://a.b:8080?q", "dns:example.com",
        "urn:x", "file:///srv/x", "http://a@b@c:0080/", "http://[::1]x/", "http://[]/", "http://[::1", "http://./",
        "http://host:000/", "http://host:abc/", "HTTPS://h:00443", "ftp://h:80", "wss://h:443", "ws://h:0080",
        "http://%4a%4A.COM/", "http://A%%4A%4/", "http://us er@h/", "http://h\u007f/", "<<http://h>>", "<http://h",
        "", "<>", "http://", "http:///", "http://h:", "http://b\u00dcCHER.de.:80/",
    ];

    [Fact]
    public void TryWrite_HandMadeAndRandomUris_MatchesPythonReference()
    {
        var uris = HandMade.Select(Bytes.Utf8).Concat(NastyUris.Generate(seed: 20240501, count: 4000)).ToList();
        var expected = RunOracle(uris);

        var mismatches = new List<string>();
        var keyed = 0;
        for (var i = 0; i < uris.Count; i++)
        {
            var origin = Key(uris[i], includeSchemeAndPort: true);
            var host = Key(uris[i], includeSchemeAndPort: false);
            keyed += origin is null ? 0 : 1;
            if (origin != expected[i].Origin || host != expected[i].Host)
            {
                mismatches.Add(
                    $"{Bytes.Show(uris[i])}: C# ({origin ?? "-"}, {host ?? "-"}) vs python ({expected[i].Origin ?? "-"}, {expected[i].Host ?? "-"})");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join('\n', mismatches.Take(30)));

        // The grammar must exercise both outcomes in earnest, or the comparison proves little.
        Assert.InRange(keyed, uris.Count / 5, uris.Count * 4 / 5);
    }

    /// <summary>The key as hex (comparable with the oracle's output), or null for no key.</summary>
    private static string? Key(byte[] uri, bool includeSchemeAndPort)
    {
        var destination = new byte[uri.Length];
        return OriginKey.TryWrite(uri, includeSchemeAndPort, destination, out var written)
            ? Convert.ToHexStringLower(destination, 0, written)
            : null;
    }

    private static List<(string? Origin, string? Host)> RunOracle(List<byte[]> uris)
    {
        var stdin = new StringBuilder();
        foreach (var uri in uris)
        {
            stdin.Append(Convert.ToHexStringLower(uri)).Append('\n');
        }

        var script = RepoPaths.Of("tests", "WarcUriCount.Tests", "Oracle", "origin_key.py");
        var result = ProcessRunner.Run("python3", [script], Encoding.ASCII.GetBytes(stdin.ToString()));
        Assert.True(result.ExitCode == 0, "origin_key.py failed: " + result.Stderr);

        var lines = result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(uris.Count, lines.Length);
        return lines.Select(line =>
        {
            var fields = line.Split(' ');
            Assert.Equal(2, fields.Length);
            return (fields[0] == "-" ? null : fields[0], fields[1] == "-" ? null : fields[1]);
        }).ToList();
    }
}
