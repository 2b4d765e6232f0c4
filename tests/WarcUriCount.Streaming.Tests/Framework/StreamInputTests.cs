using System.Text;
using BigData.MapReduce.Streaming;
using TestSupport;

namespace WarcUriCount.Streaming.Tests.Framework;

public sealed class StreamInputTests
{
    [Theory]
    [InlineData("WARC/1.0\r\nWARC-Type: warcinfo\r\n", StreamInputStyle.Warc)]
    [InlineData("warc/1.1\n", StreamInputStyle.Warc)]
    [InlineData("0\ts3://commoncrawl/crawl-data/x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("123\t/data/x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("s3://commoncrawl/crawl-data/x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("https://data.commoncrawl.org/crawl-data/x.warc.gz", StreamInputStyle.Locations)]
    [InlineData("file:///data/x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("\n# a comment\n  /data/x.warc.gz\r\n", StreamInputStyle.Locations)]
    [InlineData("./x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("<!DOCTYPE html>\n<html>\n", StreamInputStyle.Warc)]
    [InlineData("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>", StreamInputStyle.Warc)]
    [InlineData("no-such-relative-file.warc.gz\n", StreamInputStyle.Warc)]
    public void Detect_FirstBytes_ChoosesStyle(string head, StreamInputStyle expected)
    {
        Assert.Equal(expected, StreamInputSniffer.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("crawl-data/CC-MAIN-2024-10/segments/1/warc/x.warc.gz\n", StreamInputStyle.Locations)]
    [InlineData("WARC/1.0\r\n", StreamInputStyle.Warc)]
    public void Detect_WithBaseUrl_RelativeLinesAreLocations(string head, StreamInputStyle expected)
    {
        Assert.Equal(expected, StreamInputSniffer.Detect(Encoding.UTF8.GetBytes(head), hasBaseUrl: true));
        Assert.Equal(StreamInputStyle.Warc, StreamInputSniffer.Detect(Encoding.UTF8.GetBytes(head), hasBaseUrl: false));
    }

    [Fact]
    public void Detect_GzipMagic_LooksInside()
    {
        Assert.Equal(StreamInputStyle.Warc, StreamInputSniffer.Detect([0x1F, 0x8B, 0x08, 0x00]));
        Assert.Equal(StreamInputStyle.Warc, StreamInputSniffer.Detect(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "single-member.warc.gz"))));
        var list = Gzip("s3://commoncrawl/crawl-data/a.warc.gz\ns3://commoncrawl/crawl-data/b.warc.gz\n");
        Assert.Equal(StreamInputStyle.Locations, StreamInputSniffer.Detect(list));
        Assert.Equal(StreamInputStyle.Locations, StreamInputSniffer.Detect(Gzip("crawl-data/a.warc.gz\n"), hasBaseUrl: true));
        Assert.Equal(StreamInputStyle.Locations, StreamInputSniffer.Detect(list[..20])); // a head cut inside the stream
    }

    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    [Fact]
    public void Detect_ExistingRelativeFile_IsLocations()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(RepoPaths.Fixtures, "versions.warc"));
        Assert.Equal(StreamInputStyle.Locations, StreamInputSniffer.Detect(Encoding.UTF8.GetBytes(relative + "\n")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only comments\n")]
    public void Detect_NothingButBlanks_IsNull(string head)
    {
        Assert.Null(StreamInputSniffer.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("0\ts3://b/k.warc.gz", "s3://b/k.warc.gz")]
    [InlineData("  /data/x y.warc.gz \r", "/data/x y.warc.gz")]
    [InlineData("42\t  https://h/p\r", "https://h/p")]
    [InlineData("12a\tb", "12a\tb")]
    public void TryGetLocation_Line_StripsOffsetAndSpace(string line, string expected)
    {
        Assert.True(LocationLines.TryGetLocation(Encoding.UTF8.GetBytes(line), out var location));
        Assert.Equal(expected, Encoding.UTF8.GetString(location));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r")]
    [InlineData("# comment")]
    [InlineData("7\t# comment")]
    public void TryGetLocation_BlankOrComment_False(string line)
    {
        Assert.False(LocationLines.TryGetLocation(Encoding.UTF8.GetBytes(line), out _));
    }

    [Theory]
    [InlineData("crawl-data/x.warc.gz", "https://data.commoncrawl.org/", "https://data.commoncrawl.org/crawl-data/x.warc.gz")]
    [InlineData("s3://b/k", "https://data.commoncrawl.org/", "s3://b/k")]
    [InlineData("relative/x.warc.gz", null, "relative/x.warc.gz")]
    [InlineData("/abs/x.warc.gz", null, "/abs/x.warc.gz")]
    public void Resolve_Location_JoinsBaseUrlLikeManifests(string location, string? baseUrl, string expected)
    {
        Assert.Equal(expected, LocationLines.Resolve(Encoding.UTF8.GetBytes(location), baseUrl, 1));
    }

    [Fact]
    public void ReplayStream_HeadThenRest_EveryByteOnce()
    {
        var bytes = Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray();
        var inner = new MemoryStream(bytes);
        var head = ReplayStream.ReadHead(inner, 100);

        using var replay = new ReplayStream(head, inner);
        var all = new MemoryStream();
        replay.CopyTo(all, 7);

        Assert.Equal(bytes, all.ToArray());
    }
}
