using System.Text;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// Record-aware reading: files are split as Spark's text source splits them on "\nWARC/", then framed and checked by
/// the plan (evaluated by the Java checker). Expected outputs and counters are written by hand.
/// </summary>
public sealed class RecordFramingTests(RecordFramingTests.Fixture fixture) : IClassFixture<RecordFramingTests.Fixture>
{
    /// <summary>A Common Crawl-like capture: warcinfo, request, response, metadata.</summary>
    private static byte[] Capture(string eol) => Warc.Concat(
        Warc.Record(["WARC-Type: warcinfo", "Content-Type: application/warc-fields"], "software: test\r\n"u8.ToArray(), eol: eol),
        Warc.Record(["WARC-Type: request", "WARC-Target-URI: http://Example.com/a"], "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"u8.ToArray(), eol: eol),
        Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://Example.com/a"], "HTTP/1.1 200 OK\r\n\r\n<html>\n\nbody\n</html>"u8.ToArray(), eol: eol),
        Warc.Record(["WARC-Type: metadata", "WARC-Target-URI: http://Example.com/a"], "fetchTimeMs: 1\r\n"u8.ToArray(), eol: eol),
        Warc.Record(["WARC-Type: response", "WARC-Target-URI: https://other.org/"], [0xFF, 0x00, 0x0A, 0x0A, 0xC3], eol: eol));

    private static readonly Dictionary<string, (SparkJobOptions Options, (string Name, byte[] Bytes)[] Files)> Jobs = new()
    {
        ["crlf"] = (Origin(), [("a.warc", Capture("\r\n"))]),
        ["lf"] = (Origin(), [("a.warc", Capture("\n"))]),
        ["types"] = (Origin() with { Types = ["response"] }, [("a.warc", Capture("\r\n"))]),
        ["types-host"] = (Origin() with { Key = KeyRule.Host, Types = ["metadata", "request"] }, [("a.warc", Capture("\r\n"))]),
        ["versions"] = (Origin(), [("v.warc", Warc.Concat(
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://v017/"], "x"u8.ToArray(), version: "warc/0.17"),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://v018/"], "x"u8.ToArray(), version: "WARC/0.18"),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://v11/"], "x"u8.ToArray(), version: "WARC/1.1")))]),
        ["headers"] = (Origin(), [("h.warc", Warc.Concat(
            Warc.Record(["warc-type: Response", "warc-target-uri: <http://lower.case/>"]),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://first.one/", "WARC-Target-URI: http://second.one/"]),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI:", "   http://continued.line/"]),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://split", " .host/"]),
            Warc.Record(["WARC-Target-URI: http://no.type/"]),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI:"])))]),
        ["payload-separator"] = (Origin(), [("p.warc", Warc.Concat(
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://spec.page/"],
                Encoding.UTF8.GetBytes("<pre>\r\nWARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://fake/\r\nContent-Length: 0\r\n\r\n</pre>")),
            Warc.Response("http://after/")))]),
        ["lowercase-middle"] = (Origin(), [("l.warc", Warc.Concat(
            Warc.Response("http://one/"),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://two/"], version: "warc/1.0"),
            Warc.Response("http://three/")))]),
        ["bad-length"] = (Origin(), [("b.warc", Warc.Concat(
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://short/"], "0123456789"u8.ToArray(), contentLength: 5),
            Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://none/"], "0123"u8.ToArray(), addContentLength: false)))]),
        ["not-archive"] = (Origin(), [
            ("good.warc", Warc.Response("http://good/")),
            ("error.html", "<html><body>503 Slow Down</body></html>\n"u8.ToArray())]),
        ["bad-version"] = (Origin(), [("x.warc", Warc.Record(["WARC-Type: response", "WARC-Target-URI: http://x/"], version: "WARC/2.0"))]),
    };

    private static SparkJobOptions Origin() => new() { Key = KeyRule.Origin, Output = "o" };

    [Theory]
    [InlineData("crlf")]
    [InlineData("lf")]
    public void Plan_CommonCrawlCapture_CountsEveryRecordWithAUri(string job)
    {
        var run = fixture.Runs[job];
        Assert.Equal(["http://example.com\t3", "https://other.org\t1"], run.OutputLines);
        Assert.Equal(5, run.Counter(CounterNames.RecordsTotal));
        Assert.Equal(4, run.Counter(CounterNames.RecordsKeyed));
        Assert.Equal(1, run.Counter(CounterNames.RecordsNoUri));
        Assert.Equal(0, run.Counter(CounterNames.RecordsNoHost));
        Assert.Equal(0, run.Counter(CounterNames.RecordsFiltered));
        Assert.Equal(2, run.Counter(CounterNames.RecordsByTypePrefix + "response"));
        Assert.Equal(1, run.Counter(CounterNames.RecordsByTypePrefix + "warcinfo"));
        Assert.Equal(0, run.Counters.ProblemRows);
    }

    [Fact]
    public void Plan_TypesResponse_CountsCapturesAndFiltersTheRest()
    {
        var run = fixture.Runs["types"];
        Assert.Equal(["http://example.com\t1", "https://other.org\t1"], run.OutputLines);
        Assert.Equal(5, run.Counter(CounterNames.RecordsTotal));
        Assert.Equal(2, run.Counter(CounterNames.RecordsKeyed));
        Assert.Equal(3, run.Counter(CounterNames.RecordsFiltered));
        Assert.Equal(0, run.Counter(CounterNames.RecordsNoUri));
    }

    [Fact]
    public void Plan_TypesListWithHostKey_CountsOnlyListedTypes()
    {
        var run = fixture.Runs["types-host"];
        Assert.Equal(["example.com\t2"], run.OutputLines);
        Assert.Equal(3, run.Counter(CounterNames.RecordsFiltered));
    }

    [Fact]
    public void Plan_OlderVersionsAndLowercaseFirstRecord_AreRecords()
    {
        var run = fixture.Runs["versions"];
        Assert.Equal(["http://v017\t1", "http://v018\t1", "http://v11\t1"], run.OutputLines);
        Assert.Equal(0, run.Counters.ProblemRows);
    }

    [Fact]
    public void Plan_HeaderVariants_FollowTheReaderRules()
    {
        var run = fixture.Runs["headers"];
        // Case-insensitive names, <...> removed, the first of two headers, continuation lines joined with one space.
        Assert.Equal(
            ["http://continued.line\t1", "http://first.one\t1", "http://lower.case\t1", "http://no.type\t1"],
            run.OutputLines);
        Assert.Equal("response", run.Rows[0].Text("type"));
        // "http://split" + " .host/" joins to "http://split .host/": a space in the authority, so no key.
        Assert.Equal(RowStatus.NoHost, run.Rows[3].Status);
        // An empty WARC-Target-URI is no URI (as the job counts it).
        Assert.Equal(RowStatus.NoUri, run.Rows[5].Status);
        Assert.Equal(6, run.Counter(CounterNames.RecordsTotal));
        // Every record but the one without WARC-Type, which counts as _missing (as the job names it).
        Assert.Equal(5, run.Counter(CounterNames.RecordsByTypePrefix + "response"));
        Assert.Equal(1, run.Counter(CounterNames.RecordsByTypePrefix + "_missing"));
        Assert.DoesNotContain(run.Counters.Counters.Keys, k => k == CounterNames.RecordsByTypePrefix);
        Assert.Equal(0, run.Counters.ProblemRows);
    }

    [Fact]
    public void Plan_PayloadContainingTheSeparator_IsDetectedNotMiscounted()
    {
        var run = fixture.Runs["payload-separator"];
        Assert.True(run.Counter(ProblemKinds.CounterName(ProblemKinds.LengthMismatch)) >= 2, run.Counters.ToTable());
        var message = run.Counters.ProblemMessage();
        Assert.NotNull(message);
        Assert.Contains("p.warc", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LowercaseVersionLineAfterTheFirstRecord_IsDetected()
    {
        var run = fixture.Runs["lowercase-middle"];
        Assert.Equal(1, run.Counter(ProblemKinds.CounterName(ProblemKinds.LengthMismatch)));
    }

    [Fact]
    public void Plan_ContentLengthWrongOrMissing_IsDetected()
    {
        var run = fixture.Runs["bad-length"];
        Assert.Equal(2, run.Counter(ProblemKinds.CounterName(ProblemKinds.LengthMismatch)));
    }

    [Fact]
    public void Plan_FileThatIsNotAnArchive_IsNamedInTheRefusal()
    {
        var run = fixture.Runs["not-archive"];
        Assert.Equal(1, run.Counter(ProblemKinds.CounterName(ProblemKinds.NotARecord)));
        Assert.Equal(1, run.Counter(CounterNames.RecordsTotal));
        Assert.Equal(["http://good\t1"], run.OutputLines);
        Assert.Equal(["error.html"], run.Counters.ProblemFiles[ProblemKinds.NotARecord]);
    }

    [Fact]
    public void Plan_UnknownVersion_IsNotARecord()
    {
        var run = fixture.Runs["bad-version"];
        Assert.Equal(1, run.Counter(ProblemKinds.CounterName(ProblemKinds.NotARecord)));
        Assert.Empty(run.OutputLines);
    }

    public sealed class Fixture
    {
        public Fixture()
        {
            var names = Jobs.Keys.ToList();
            var runs = SparkJobSimulation.Run(names.Select(n => (Jobs[n].Options, (IReadOnlyList<(string, byte[])>)Jobs[n].Files)).ToList());
            Runs = names.Zip(runs).ToDictionary(p => p.First, p => p.Second);
        }

        public IReadOnlyDictionary<string, SimulatedRun> Runs { get; }
    }
}
