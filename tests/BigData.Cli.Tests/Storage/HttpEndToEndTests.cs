using System.Text;
using TestSupport;
using TestSupport.Http;

namespace BigData.Cli.Tests.Storage;

/// <summary>
/// <c>bigdata count</c> over a loopback HTTP server (Range support, fault injection) serving the sample files and a
/// gzip manifest of relative lines. Each fault either recovers with the fault-free output, the io.retries /
/// io.resumes counters showing what happened, or fails that one file with a clear message while the other files'
/// counts survive.
/// </summary>
public sealed class HttpEndToEndTests : IDisposable
{
    private const string Root = "/cc/";
    private const string XmlErrorBody =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";

    private readonly LoopbackHttpServer _server = new();
    private readonly TempDirectory _temp = new("bigdata-cli-http");

    public HttpEndToEndTests()
    {
        var lines = new StringBuilder();
        foreach (var file in CountRuns.SampleFiles)
        {
            _server.AddFile(PathOf(file), File.ReadAllBytes(file), etag: $"\"{Path.GetFileName(file)}\"");
            lines.Append("crawl-data/").Append(Path.GetFileName(file)).Append('\n');
        }

        _server.AddFile(Root + "warc.paths.gz", CountRuns.GzipText(lines.ToString()));
    }

    private static byte[] Golden => File.ReadAllBytes(RepoPaths.Of("data", "sample.origin.expected.tsv"));

    /// <summary>The second sample file: the one the faults hit.</summary>
    private static string Victim => CountRuns.SampleFiles[1];

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Count_HttpManifestFaultFree_EqualsGoldenAndLocalCountersWithoutRetries()
    {
        var run = Count();

        Assert.True(run.Committed, run.Describe());
        TsvAssert.Equal(Golden, run.Tsv, "count of the sample over HTTP");
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.Equal(CountRuns.RecordCounters(LocalBaseline.Sample.Counters), CountRuns.RecordCounters(run.Counters));
        Assert.Equal(0, run.Counters.Counter("io.retries"));
        Assert.Equal(0, run.Counters.Counter("io.resumes"));
        Assert.All(CountRuns.SampleFiles, f => Assert.Single(_server.RequestsFor(PathOf(f))));
    }

    [Fact]
    public void Count_503WithRetryAfter_WaitsRetriesAndMatchesFaultFreeRun()
    {
        _server.Enqueue(PathOf(Victim), new Fault.Status(503, "<Error><Code>SlowDown</Code></Error>", "application/xml", RetryAfter: "1"));

        var run = Count();

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.Equal(CountRuns.RecordCounters(LocalBaseline.Sample.Counters), CountRuns.RecordCounters(run.Counters));
        Assert.Equal(1, run.Counters.Counter("io.retries"));
        Assert.Equal(0, run.Counters.Counter("io.resumes"));
        var requests = _server.RequestsFor(PathOf(Victim));
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), $"Retry-After: 1 was not honoured ({requests[1].At - requests[0].At})");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Count_ConnectionDroppedMidBody_ResumesWithRangeAndMatchesFaultFreeRun(bool reset)
    {
        _server.Enqueue(PathOf(Victim), new Fault.DropAfter(200_000, reset));

        var run = Count();

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.Equal(CountRuns.RecordCounters(LocalBaseline.Sample.Counters), CountRuns.RecordCounters(run.Counters));
        Assert.Equal(LocalBaseline.Sample.Counters.Counter("bytes.read"), run.Counters.Counter("bytes.read"));
        var requests = _server.RequestsFor(PathOf(Victim));
        Assert.Equal(2, requests.Count);
        if (!reset)
        {
            Assert.Equal(1, run.Counters.Counter("io.resumes"));
            Assert.Equal(0, run.Counters.Counter("io.retries"));
            Assert.Equal("bytes=200000-", requests[1].Range);
        }
        else
        {
            // A reset discards what the client had not read yet: usually a resume from where it got to, but on a
            // starved machine possibly nothing had been read, and then it is a retry from byte 0.
            Assert.Equal(1, run.Counters.Counter("io.resumes") + run.Counters.Counter("io.retries"));
        }
    }

    [Fact]
    public void Count_NoResponseHeadersWithinTimeout_RetriesAndMatchesFaultFreeRun()
    {
        _server.Enqueue(PathOf(Victim), new Fault.StallHeaders(TimeSpan.FromSeconds(20)));

        var run = Count("--io-timeout", "1s");

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.True(run.Counters.Counter("io.retries") >= 1, "io.retries should show the timed-out request");
        Assert.True(_server.RequestsFor(PathOf(Victim)).Count >= 2);
    }

    [Fact]
    public void Count_BodyStallsPastTimeout_ResumesAndMatchesFaultFreeRun()
    {
        _server.Enqueue(PathOf(Victim), new Fault.StallBody(150_000, TimeSpan.FromSeconds(20)));

        var run = Count("--io-timeout", "1s");

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.True(run.Counters.Counter("io.resumes") >= 1, "io.resumes should show the stalled body being resumed");
        Assert.Contains(_server.RequestsFor(PathOf(Victim)), r => r.Range == "bytes=150000-");
    }

    [Fact]
    public void Count_ServerNeverAnswersInTime_FailsThatFileWithGivingUpAndKeepsTheOthers()
    {
        // Every attempt stalls: with --io-retries 1 each map attempt gives up after 2 requests, and the task's
        // second attempt (--max-attempts 2) does the same; the file fails, the other three are counted.
        _server.Enqueue(PathOf(Victim), [.. Enumerable.Repeat<Fault>(new Fault.StallHeaders(TimeSpan.FromSeconds(20)), 8)]);

        var run = Count("--io-timeout", "1s", "--io-retries", "1");

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(LocalBaseline.Run(CountRuns.SampleFiles.Where(f => f != Victim)).Tsv, run.Tsv);
        var failed = Assert.Single(run.FailedFiles);
        Assert.Equal(_server.Url(PathOf(Victim)), failed.Location);
        Assert.Contains("giving up", failed.Message, StringComparison.Ordinal);
        Assert.Contains($"failed: {_server.Url(PathOf(Victim))}", run.Cli.Error, StringComparison.Ordinal);
        Assert.Equal(1, run.Counters.Counter("files.failed"));
        Assert.Equal(3, run.Counters.Counter("files.ok"));
        Assert.Equal(4, _server.RequestsFor(PathOf(Victim)).Count);
    }

    [Fact]
    public void Count_Status200WithXmlErrorBody_FailsThatFileNamingUrlAndXmlAndKeepsTheOthers()
    {
        _server.Enqueue(PathOf(Victim), new Fault.Status(200, XmlErrorBody, "application/xml"));

        var run = Count();

        Assert.True(run.Committed, run.Describe());
        Assert.Equal(0, run.Cli.ExitCode);
        Assert.Equal(LocalBaseline.Run(CountRuns.SampleFiles.Where(f => f != Victim)).Tsv, run.Tsv);
        var failed = Assert.Single(run.FailedFiles);
        Assert.Equal(_server.Url(PathOf(Victim)), failed.Location);
        Assert.Contains("XML", failed.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", failed.Message, StringComparison.Ordinal);
        var reported = Assert.Single(run.Cli.Error.Split('\n'), l => l.StartsWith("failed: ", StringComparison.Ordinal));
        Assert.Contains(_server.Url(PathOf(Victim)), reported, StringComparison.Ordinal);
        Assert.Contains("XML", reported, StringComparison.Ordinal);
        Assert.Equal(1, run.Counters.Counter("files.failed"));
        Assert.Equal(3, run.Counters.Counter("files.ok"));

        // Not an I/O error: the file is not downloaded again (a second attempt would have got the real file).
        Assert.Single(_server.RequestsFor(PathOf(Victim)));
    }

    [Fact]
    public void Count_EveryFileAnXmlErrorBodyAsRealProcess_ExitsOneWithoutOutput()
    {
        foreach (var file in CountRuns.SampleFiles)
        {
            _server.Enqueue(PathOf(file), new Fault.Status(200, XmlErrorBody, "application/xml"));
        }

        var output = _temp.Combine("all-failed");
        var result = CliHarness.Process(
            _temp.Path,
            "count", "--manifest", _server.Url(Root + "warc.paths.gz"), "--input-base-url", _server.Url(Root), "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        Assert.Contains("bigdata count: job failed: all 4 input files failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("No output was committed", result.Error, StringComparison.Ordinal);
        Assert.Contains(_server.Url(PathOf(Victim)), result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "_SUCCESS")));
    }

    private static string PathOf(string sampleFile) => Root + "crawl-data/" + Path.GetFileName(sampleFile);

    private CountRun Count(params string[] extra) =>
        CountRuns.ToDirectory(_temp, ["--manifest", _server.Url(Root + "warc.paths.gz"), "--input-base-url", _server.Url(Root), .. extra]);
}
