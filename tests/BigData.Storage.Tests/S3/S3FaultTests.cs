using Amazon.Runtime;
using BigData.Storage.Inputs;
using BigData.Storage.S3;
using TestSupport.Http;

namespace BigData.Storage.Tests.S3;

/// <summary>
/// AWSSDK.S3 against the fault-injecting loopback server posing as a path-style S3 endpoint: the SDK's real
/// request and error handling, with faults no S3-compatible store produces on demand.
/// </summary>
public sealed class S3FaultTests : IDisposable
{
    private const string Key = "crawl-data/CC-TEST/segments/1/warc/f.warc.gz";
    private const string ObjectPath = "/bucket/" + Key;
    private const string SlowDown = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";

    private readonly LoopbackHttpServer _server = new();
    private readonly byte[] _content = TestData.RandomBytes(250_000, seed: 21);

    // A single-part S3 ETag is the body's MD5, and the SDK checks a whole-object GET against it.
    public S3FaultTests() =>
        _server.AddFile(ObjectPath, _content, etag: "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(_content)) + "\"");

    public void Dispose() => _server.Dispose();

    [Fact]
    public void OpenRead_SlowDownThenSuccess_RetriesAndReadsSameBytes()
    {
        _server.Enqueue(ObjectPath, new Fault.Status(503, SlowDown, "application/xml"), new Fault.Status(500, "<Error><Code>InternalError</Code></Error>", "application/xml"));
        using var context = Context();

        var bytes = TestData.ReadAll(new S3InputFile(S3Path.Parse("s3://bucket/" + Key), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(2, context.Statistics.Retries);
        Assert.Equal(3, _server.RequestsFor(ObjectPath).Count);
    }

    [Fact]
    public void Read_ConnectionDroppedMidBody_ResumesWithByteRangeFromLastByte()
    {
        _server.Enqueue(ObjectPath, new Fault.DropAfter(100_000));
        using var context = Context();

        var bytes = TestData.ReadAll(new S3InputFile(S3Path.Parse("s3://bucket/" + Key), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Resumes);
        Assert.Equal(0, context.Statistics.Retries);
        Assert.Equal([null, "bytes=100000-"], _server.RequestsFor(ObjectPath).Select(r => r.Range));
    }

    [Fact]
    public void Read_BodyStalls_ResumesAfterReadTimeout()
    {
        _server.Enqueue(ObjectPath, new Fault.StallBody(120_000, TimeSpan.FromSeconds(30)));
        using var context = Context(o => o with { ReadTimeout = TimeSpan.FromSeconds(1) });

        var bytes = TestData.ReadAll(new S3InputFile(S3Path.Parse("s3://bucket/" + Key), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(1, context.Statistics.Resumes);
    }

    [Fact]
    public void Read_BodyLongerThanSdkTimeout_IsNotInterrupted()
    {
        // The SDK's timeout (ResponseTimeout) must bound the wait for headers, not the whole download.
        _server.Enqueue(ObjectPath, new Fault.Pause(50_000, TimeSpan.FromSeconds(1.5)));
        using var context = Context(o => o with { ResponseTimeout = TimeSpan.FromSeconds(1) });

        var bytes = TestData.ReadAll(new S3InputFile(S3Path.Parse("s3://bucket/" + Key), context));

        Assert.Equal(_content, bytes);
        Assert.Equal(0, context.Statistics.Resumes + context.Statistics.Retries);
    }

    [Fact]
    public void OpenRead_AccessDenied_FailsAtOnceWithCodeAndHint()
    {
        _server.Enqueue("/commoncrawl/" + Key, new Fault.Status(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", "application/xml"));
        using var context = Context();

        var error = Assert.Throws<InputException>(() => new S3InputFile(S3Path.Parse("s3://commoncrawl/" + Key), context).OpenRead());

        Assert.StartsWith($"s3://commoncrawl/{Key}: S3 error AccessDenied (HTTP 403)", error.Message);
        Assert.Contains("https://data.commoncrawl.org/", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void OpenRead_SlowDownForever_GivesUpWithAttemptCount()
    {
        _server.Enqueue(ObjectPath, Enumerable.Repeat<Fault>(new Fault.Status(503, SlowDown, "application/xml"), 10).ToArray());
        using var context = Context(o => o with { MaxRetries = 2 });

        var error = Assert.Throws<InputException>(() => new S3InputFile(S3Path.Parse("s3://bucket/" + Key), context).OpenRead());

        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("Please reduce your request rate.", error.Message);
        Assert.Equal(2, context.Statistics.Retries);
    }

    [Fact]
    public void Read_BodyNotMatchingItsMd5ETag_FailsNamingObjectAndOffset()
    {
        _server.AddFile("/bucket/corrupt.warc.gz", _content, etag: "\"" + new string('0', 32) + "\"");
        using var context = Context();

        var error = Assert.Throws<InputException>(() => TestData.ReadAll(new S3InputFile(S3Path.Parse("s3://bucket/corrupt.warc.gz"), context)));

        Assert.StartsWith("s3://bucket/corrupt.warc.gz: read failed at byte", error.Message);
    }

    private IoContext Context(Func<InputOptions, InputOptions>? adjust = null)
    {
        var options = new InputOptions
        {
            S3 = new S3Options { Endpoint = _server.BaseUrl, Credentials = new BasicAWSCredentials("test", "test") },
            InitialBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
            ReadTimeout = TimeSpan.FromSeconds(20),
            ResponseTimeout = TimeSpan.FromSeconds(20),
            MaxRetries = 3,
        };
        return new IoContext(adjust != null ? adjust(options) : options);
    }
}
