using Conformance.Tests;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Pipelines;

/// <summary>
/// The fixtures whose outcome in the warc input style differs from the local runner's, each asserting the behaviour
/// documented in NOTES-streaming.md. Hadoop's TextInputFormat decompresses by file NAME (CompressionCodecFactory) and
/// its gzip codec fails the task on a damaged stream, so the mapper never sees those bytes; the locations style, which
/// decodes by magic bytes like the local runner, reads all of them exactly as the local runner does.
/// </summary>
public sealed class WarcStyleDifferencesTests
{
    private static StreamingJobOutcome Run(string fixture, string style) => StreamingSimulator.Run(new StreamingJobSpec
    {
        Inputs = [Fixtures.Path(fixture)],
        InputStyle = style,
        JobArguments = ["--key", "origin"],
    });

    [Fact]
    public void WarcStyle_TruncatedGzip_JobFailsInTheCodecLikeHadoop()
    {
        var warc = Run("truncated.warc.gz", "warc");
        var locations = Run("truncated.warc.gz", "locations");

        Assert.NotNull(warc.Failure);
        Assert.Contains("gzip codec failed", warc.Failure, StringComparison.Ordinal);
        Assert.Null(locations.Failure);
        Assert.Equal(7, locations.Counter("records.keyed"));
        Assert.True(locations.Counter("warnings.truncated_gzip") >= 1, locations.Stderr);
    }

    [Fact]
    public void WarcStyle_PlainFileNamedGz_JobFailsInTheCodecLikeHadoop()
    {
        var warc = Run("plain-named.warc.gz", "warc");
        var locations = Run("plain-named.warc.gz", "locations");

        Assert.NotNull(warc.Failure);
        Assert.Contains("gzip codec failed", warc.Failure, StringComparison.Ordinal);
        Assert.Null(locations.Failure);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("plain-named.warc.gz.origin.expected.tsv")), locations.Output);
    }

    [Fact]
    public void WarcStyle_GzipFileWithoutGzName_FileFailsWithAClearMessage()
    {
        var warc = Run("gzip-named.warc", "warc");
        var locations = Run("gzip-named.warc", "locations");

        Assert.Null(warc.Failure);
        Assert.Empty(warc.Output);
        Assert.Equal(1, warc.Counter("files.failed"));
        Assert.Equal(0, warc.Counter("files.ok"));
        Assert.Contains("gzip-named.warc: the warc input style received gzip bytes re-lined by TextInputFormat", warc.Stderr, StringComparison.Ordinal);
        Assert.Contains("use --input-style locations", warc.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("gzip-named.warc.origin.expected.tsv")), locations.Output);
    }

    [Fact]
    public void WarcStyle_WrongContentLength_SameCountsWithoutContentLengthWarnings()
    {
        var warc = Run("wrong-length.warc", "warc");
        var locations = Run("wrong-length.warc", "locations");

        Assert.Equal(locations.Output, warc.Output);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("wrong-length.warc.origin.expected.tsv")), warc.Output);
        Assert.Equal(locations.Counter("records.total"), warc.Counter("records.total"));
        Assert.True(locations.Counter("warnings.content_length_mismatch") >= 2);
        Assert.Equal(0, warc.Counter("warnings.content_length_mismatch"));
    }

    [Fact]
    public void WarcStyle_HadoopDeliversRelinedText_ContentLengthNoLongerMatches()
    {
        // The premise of the shape-based reading: CRLF became LF, so the bytes the mapper sees are fewer.
        var (stdin, failure) = StreamingHadoopTextInput.Deliver(Fixtures.Path("authority.warc"));

        Assert.Null(failure);
        Assert.True(stdin!.Length < new FileInfo(Fixtures.Path("authority.warc")).Length);
        Assert.DoesNotContain((byte)'\r', stdin);
    }
}
