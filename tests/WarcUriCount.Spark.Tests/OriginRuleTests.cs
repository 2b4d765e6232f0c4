using System.Text;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// The origin and host rules of DESIGN.md §5, evaluated through the whole record-aware plan (split, framing, headers,
/// key) by the Java checker. Expected keys are written by hand from the rule text and its examples;
/// <see cref="KeyRuleDifferentialTests"/> also runs every case against the job's own OriginKey.
/// </summary>
public sealed class OriginRuleTests(OriginRuleTests.Fixture fixture) : IClassFixture<OriginRuleTests.Fixture>
{
    /// <summary>(WARC-Target-URI header value, origin key, host key); null: no key (records.no_host).</summary>
    public static readonly (string Uri, string? Origin, string? Host)[] Cases =
    [
        // DESIGN.md §5 examples.
        ("<HTTP://User@Example.COM.:80/a>", "http://example.com", "example.com"),
        ("https://[2001:DB8::1]:0443/", "https://[2001:db8::1]", "[2001:db8::1]"),
        ("http://a.b:8080?q", "http://a.b:8080", "a.b"),
        ("dns:example.com", null, null),
        ("urn:x", null, null),
        ("file:///srv/x", null, null),
        // Step 1: scheme syntax and //.
        ("HTTPS://WWW.Example.Org?x#y", "https://www.example.org", "www.example.org"),
        ("h+t.t-p://e.com/", "h+t.t-p://e.com", "e.com"),
        ("1http://e.com/", null, null),
        ("http:e.com", null, null),
        ("mailto:a@b.com", null, null),
        // Step 2: authority ends at / ? #; userinfo up to the last @.
        ("http://e.com#frag", "http://e.com", "e.com"),
        ("http://a:b@c@Host.com/x@y", "http://host.com", "host.com"),
        ("http://user@/", null, null),
        // Step 3: whitespace or control bytes in the authority.
        ("http://exa mple.com/", null, null),
        ("http://a\u0001b.com/", null, null),
        ("http://a\u007Fb.com/", null, null),
        ("http://ab.com/a b", "http://ab.com", "ab.com"),
        // Step 4: IPv6 literals and the last colon.
        ("http://[::1]/", "http://[::1]", "[::1]"),
        ("http://[::1]:8080/", "http://[::1]:8080", "[::1]"),
        ("http://[::1]x/", null, null),
        ("http://[::1/", null, null),
        ("http://u:p@[::1]:80/", "http://[::1]", "[::1]"),
        ("http://a:80:90/", "http://a:80:90", "a:80"),
        // Step 5: ASCII lowercasing only, escapes kept, one trailing dot, empty host.
        ("http://%C3%A9X.COM/", "http://%C3%A9x.com", "%C3%A9x.com"),
        ("http://X%41BC.com/", "http://x%41bc.com", "x%41bc.com"),
        ("http://A%2G.COM/", "http://a%2g.com", "a%2g.com"),
        ("http://ÉCOLE.FR/", "http://École.fr", "École.fr"),
        ("http://\u212A.COM/", "http://\u212A.com", "\u212A.com"),
        ("http://ＡＢＣ.com/", "http://ＡＢＣ.com", "ＡＢＣ.com"),
        ("http://a..b./", "http://a..b", "a..b"),
        ("http://a../", "http://a.", "a."),
        ("http://./", null, null),
        ("http://:80/", null, null),
        ("http:///x", null, null),
        // Step 6: ports.
        ("http://e.com:8080/", "http://e.com:8080", "e.com"),
        ("http://e.com:/", "http://e.com", "e.com"),
        ("http://e.com:0080/", "http://e.com", "e.com"),
        ("http://e.com:000/", "http://e.com:0", "e.com"),
        ("https://e.com:80/", "https://e.com:80", "e.com"),
        ("https://e.com:443/", "https://e.com", "e.com"),
        ("ws://e.com:80/", "ws://e.com", "e.com"),
        ("wss://e.com:443/", "wss://e.com", "e.com"),
        ("ftp://e.com:21/", "ftp://e.com", "e.com"),
        ("ftp://e.com:80/", "ftp://e.com:80", "e.com"),
        ("HTTP://e.com:80/", "http://e.com", "e.com"),
        ("http://e.com:ABC/", "http://e.com:ABC", "e.com"),
        // Header trimming.
        ("   http://e.com/   ", "http://e.com", "e.com"),
    ];

    public static TheoryData<int> CaseIndexes() => new(Enumerable.Range(0, Cases.Length));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void OriginRule_Uri_GivesDesignKey(int index)
    {
        var (uri, origin, _) = Cases[index];
        var row = fixture.Origin.Rows[index];
        AssertKey(uri, origin, row);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void HostRule_Uri_GivesDesignKey(int index)
    {
        var (uri, _, host) = Cases[index];
        var row = fixture.Host.Rows[index];
        AssertKey(uri, host, row);
    }

    [Fact]
    public void OriginRule_InvalidUtf8InHost_IsReportedNotMiscounted()
    {
        var row = fixture.Origin.Rows[Cases.Length];
        Assert.Equal(RowStatus.Keyed, row.Status);
        Assert.Equal(ProblemKinds.InvalidUtf8Key, row.Problem);
        Assert.Equal(1, fixture.Origin.Counter(ProblemKinds.CounterName(ProblemKinds.InvalidUtf8Key)));
        Assert.NotNull(fixture.Origin.Counters.ProblemMessage());
    }

    [Fact]
    public void OriginRule_InvalidUtf8OutsideAuthority_IsCountedExactly()
    {
        var row = fixture.Origin.Rows[Cases.Length + 1];
        Assert.Equal("http://ab.com", row.Key);
        Assert.Equal("", row.Problem);
    }

    [Fact]
    public void OriginRule_AllCases_CountersBalance()
    {
        var run = fixture.Origin;
        var c = run.Counters.Counters;
        Assert.Equal(Cases.Length + 2, c[CounterNames.RecordsTotal]);
        Assert.Equal(
            c[CounterNames.RecordsTotal],
            c[CounterNames.RecordsKeyed] + c[CounterNames.RecordsNoUri] + c[CounterNames.RecordsNoHost] + c[CounterNames.RecordsFiltered]);
        Assert.Equal(Cases.Count(k => k.Origin == null), c[CounterNames.RecordsNoHost]);
        Assert.Equal(c[CounterNames.RecordsKeyed], run.OutputLines.Sum(l => long.Parse(l.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, c[ProblemKinds.CounterName(ProblemKinds.LengthMismatch)]);
        Assert.Equal(0, c[ProblemKinds.CounterName(ProblemKinds.NotARecord)]);
    }

    private static void AssertKey(string uri, string? expected, PlanRow row)
    {
        Assert.True(row.Problem == "", $"{uri}: unexpected problem {row.Problem}");
        if (expected == null)
        {
            Assert.True(row.Key == null, $"{uri}: expected no key, got '{row.Key}'");
            Assert.Equal(RowStatus.NoHost, row.Status);
        }
        else
        {
            Assert.Equal(RowStatus.Keyed, row.Status);
            Assert.Equal(Encoding.UTF8.GetBytes(expected), row.Bytes("key"));
        }
    }

    public sealed class Fixture
    {
        public Fixture()
        {
            var records = Cases.Select(c => Warc.Response(c.Uri)).ToList();
            records.Add(Warc.ResponseRaw([.. "http://a"u8, 0xFF, .. "b.com/"u8]));
            records.Add(Warc.ResponseRaw([.. "http://ab.com/"u8, 0xFF, 0xC3]));
            IReadOnlyList<(string, byte[])> files = [("cases.warc", Warc.Concat([.. records]))];
            var runs = SparkJobSimulation.Run(
            [
                (new SparkJobOptions { Key = KeyRule.Origin, Output = "o" }, files),
                (new SparkJobOptions { Key = KeyRule.Host, Output = "o" }, files),
            ]);
            Origin = runs[0];
            Host = runs[1];
        }

        public SimulatedRun Origin { get; }

        public SimulatedRun Host { get; }
    }
}
