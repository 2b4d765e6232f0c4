using System.Diagnostics;
using System.Text;
using BigData.Storage.Inputs;
using BigData.Storage.Inputs.Http;
using TestSupport.Http;

namespace BigData.Storage.Tests.Http;

public sealed class HttpInputFileTests : IDisposable
{
    private const string Path = "/crawl/file.warc.gz";

    private readonly LoopbackHttpServer _server = new();
    private readonly byte[] _content = TestData.RandomBytes(200_000, seed: 7);

    public HttpInputFileTests() => _server.AddFile(Path, _content);

    /// <summary>
    /// Short backoff so faults cost milliseconds; generous timeouts so a busy machine never times out a healthy read
    /// (the timeout tests shorten them).
    /// </summary>
    private static InputOptions FastOptions => new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
        ResponseTimeout = TimeSpan.FromSeconds(20),
        ReadTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 3,
    };

    /// <summary>Timeouts short enough for a test, long enough that only a deliberate stall trips them.</summary>
    private static InputOptions ShortTimeouts => FastOptions with
    {
        ResponseTimeout = TimeSpan.FromSeconds(1),
        ReadTimeout = TimeSpan.FromSeconds(1),
    };

    public void Dispose() => _server.Dispose();

    [Fact]
    public void OpenRead_NoFault_ReturnsServedBytesAndLength()
    {
        using var context = new IoContext(FastOptions);
        var file = new HttpInputFile(_server.Url(Path), context);

        Assert.Null(file.Length); // Resolving never sends a request.
        Assert.Equal(_content, TestData.ReadAll(file));
        Assert.Equal(_content.Length, file.Length);
        Assert.Equal(0, context.Statistics.Retries);
        Assert.Equal(0, context.Statistics.Resumes);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void OpenRead_503WithRetryAfter_WaitsThenSucceeds()
    {
        _server.Enqueue(Path, new Fault.Status(503, "busy", RetryAfter: "1"));
        using var context = new IoContext(FastOptions with { MaxBackoff = TimeSpan.FromSeconds(2) });
        var file = new HttpInputFile(_server.Url(Path), context);

        var clock = Stopwatch.StartNew();
        var bytes = TestData.ReadAll(file);

        Assert.Equal(_content, bytes);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"Retry-After: 1 not honoured ({clock.Elapsed})");
        Assert.Equal(1, context.Statistics.Retries);
        Assert.Equal(0, context.Statistics.Resumes);
        Assert.Equal(2, _server.RequestsFor(Path).Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(503)]
    public void OpenRead_TransientStatusTwice_RetriesAndCounts(int status)
    {
        _server.Enqueue(Path, new Fault.Status(status), new Fault.Status(status));
        using var context = new IoContext(FastOptions);

        Assert.Equal(_content, TestData.ReadAll(new HttpInputFile(_server.Url(Path), context)));
        Assert.Equal(2, context.Statistics.Retries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ConnectionDroppedMidBody_ResumesWithRangedGetFromLastByte(bool reset)
    {
        _server.Enqueue(Path, new Fault.DropAfter(70_000, reset));
        using var context = new IoContext(FastOptions);

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Resumes);
        Assert.Equal(0, context.Statistics.Retries);
        var requests = _server.RequestsFor(Path);
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Range);
        Assert.Equal("bytes=70000-", requests[1].Range);
    }

    [Fact]
    public void Read_DroppedTwiceAtDifferentPoints_ResumesEachTimeFromWhereItStopped()
    {
        // Drops at 50 000, then (within the resumed response) 30 000 bytes further: the second resume starts at 80 000.
        _server.Enqueue(Path, new Fault.DropAfter(50_000), new Fault.DropAfter(30_000));
        using var context = new IoContext(FastOptions with { MaxRetries = 1 });

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(2, context.Statistics.Resumes);
        Assert.Equal(["bytes=50000-", "bytes=80000-"], _server.RequestsFor(Path).Skip(1).Select(r => r.Range));
    }

    [Fact]
    public void Read_BodyStallsPastReadTimeout_ResumesAndDeliversSameBytes()
    {
        _server.Enqueue(Path, new Fault.StallBody(90_000, TimeSpan.FromSeconds(30)));
        using var context = new IoContext(ShortTimeouts);

        var clock = Stopwatch.StartNew();
        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Resumes);
        Assert.Equal("bytes=90000-", _server.RequestsFor(Path)[1].Range);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the stalled response was waited out instead of timed out");
    }

    [Fact]
    public void Read_BodyLongerThanResponseTimeoutButNeverIdleThatLong_IsNotInterrupted()
    {
        // The response timeout bounds the wait for headers only; a long download must not be cut by it.
        _server.Enqueue(Path, new Fault.Pause(50_000, TimeSpan.FromSeconds(1.5)));
        using var context = new IoContext(FastOptions with { ResponseTimeout = TimeSpan.FromSeconds(1) });

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(0, context.Statistics.Resumes + context.Statistics.Retries);
    }

    [Fact]
    public void OpenRead_HeadersStallPastResponseTimeout_Retries()
    {
        _server.Enqueue(Path, new Fault.StallHeaders(TimeSpan.FromSeconds(30)));
        using var context = new IoContext(ShortTimeouts);

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Retries);
        Assert.Equal(0, context.Statistics.Resumes);
    }

    [Fact]
    public void Read_ServerIgnoresRangeOnResume_SkipsBytesAlreadyDelivered()
    {
        _server.Enqueue(Path, new Fault.DropAfter(60_000), new Fault.IgnoreRange());
        using var context = new IoContext(FastOptions);

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Resumes);
    }

    [Fact]
    public void Read_ETagChangesOnResume_FailsNamingTheChange()
    {
        _server.Enqueue(Path, new Fault.DropAfter(60_000), new Fault.OtherETag("\"v2\""));
        using var context = new IoContext(FastOptions);

        var error = Assert.Throws<InputException>(() => TestData.ReadAll(new HttpInputFile(_server.Url(Path), context)));

        Assert.Contains("changed while it was being read", error.Message);
        Assert.Contains(_server.Url(Path), error.Message);
    }

    [Fact]
    public void OpenRead_XmlErrorBodyWithStatus200_ReturnsTheBytesAsServed()
    {
        // A 200 with an error document is the WARC layer's to reject (ArchiveDecoder: not an archive); the input layer
        // must hand it over unchanged, not retry it or mangle it.
        const string xml = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
        var served = Encoding.UTF8.GetBytes(xml);
        _server.AddFile("/error.warc.gz", served);
        using var context = new IoContext(FastOptions);

        var bytes = TestData.ReadAll(new HttpInputFile(_server.Url("/error.warc.gz"), context));

        Assert.Equal(served, bytes);
        Assert.True(ErrorBodySniffer.LooksLikeMarkup(bytes));
        Assert.Equal("S3 error AccessDenied: Access Denied", ErrorBodySniffer.Describe(bytes));
    }

    [Fact]
    public void OpenRead_404_FailsAtOnceWithUrlAndStatus()
    {
        using var context = new IoContext(FastOptions);
        var url = _server.Url("/missing.warc.gz");

        var error = Assert.Throws<InputException>(() => new HttpInputFile(url, context).OpenRead());

        Assert.Contains(url, error.Message);
        Assert.Contains("HTTP 404", error.Message);
        Assert.Single(_server.Requests);
        Assert.Equal(0, context.Statistics.Retries);
        Assert.Equal(0, context.Statistics.DownloadsInFlight);
    }

    [Fact]
    public void OpenRead_S3StyleErrorStatus_MessageQuotesCodeAndMessage()
    {
        _server.Enqueue(Path, new Fault.Status(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", "application/xml"));
        using var context = new IoContext(FastOptions);

        var error = Assert.Throws<InputException>(() => new HttpInputFile(_server.Url(Path), context).OpenRead());

        Assert.Contains("HTTP 403", error.Message);
        Assert.Contains("S3 error AccessDenied: Access Denied", error.Message);
    }

    [Fact]
    public void OpenRead_RetriesExhausted_FailsWithAttemptCountAndLastStatus()
    {
        _server.Enqueue(Path, Enumerable.Repeat<Fault>(new Fault.Status(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"), 10).ToArray());
        using var context = new IoContext(FastOptions with { MaxRetries = 2 });

        var error = Assert.Throws<InputException>(() => new HttpInputFile(_server.Url(Path), context).OpenRead());

        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.Contains("SlowDown", error.Message);
        Assert.Equal(3, _server.RequestsFor(Path).Count);
        Assert.Equal(2, context.Statistics.Retries);
        Assert.Equal(0, context.Statistics.DownloadsInFlight);
    }

    [Fact]
    public void Read_DropsBeyondBudgetWithoutProgress_GivesUp()
    {
        // The first response delivers 10 bytes, then every resume delivers nothing: the budget counts failures in a row.
        _server.Enqueue(Path, new Fault.DropAfter(10), new Fault.DropAfter(0), new Fault.DropAfter(0), new Fault.DropAfter(0));
        using var context = new IoContext(FastOptions with { MaxRetries = 2 });
        using var stream = new HttpInputFile(_server.Url(Path), context).OpenRead();

        var error = Assert.Throws<InputException>(() => stream.CopyTo(Stream.Null));

        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(2, context.Statistics.Resumes);
    }

    [Fact]
    public async Task OpenRead_ConcurrencyGateFull_WaitsUntilAStreamIsDisposed()
    {
        using var context = new IoContext(FastOptions with { MaxConcurrentDownloads = 1 });
        var file = new HttpInputFile(_server.Url(Path), context);

        var first = file.OpenRead();
        Assert.Equal(1, context.Statistics.DownloadsInFlight);
        var second = Task.Run(file.OpenRead);
        var winner = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(second, winner); // No second download while the only slot is taken.

        first.Dispose();
        using (var stream = await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(1, context.Statistics.DownloadsInFlight);
        }

        Assert.Equal(0, context.Statistics.DownloadsInFlight);
        Assert.Equal(2, context.Statistics.Downloads);
    }

    [Fact]
    public void Statistics_ToCounters_NamesBothCounters()
    {
        _server.Enqueue(Path, new Fault.Status(503), new Fault.DropAfter(1000));
        using var context = new IoContext(FastOptions);
        TestData.ReadAll(new HttpInputFile(_server.Url(Path), context));

        Assert.Equal(
            [new KeyValuePair<string, long>("io.resumes", 1), new KeyValuePair<string, long>("io.retries", 1)],
            context.Statistics.ToCounters());
    }
}
