using System.IO.Compression;
using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

public class ArchiveDecoderTests
{
    private static byte[] Decode(byte[] raw, string source = "x")
    {
        using var stream = ArchiveDecoder.Open(new MemoryStream(raw), source);
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public void Open_GzipBehindAWarcName_IsDecompressedByMagic()
    {
        var (bytes, written) = BuildArchive(10);
        var gzip = GzipPerRecord(bytes, written);

        var (records, warnings) = Read.Archive(gzip, source: "crawl/file.warc");

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        Assert.Equal(bytes, Decode(gzip, "file.warc"));
    }

    [Fact]
    public void Open_PlainArchiveBehindAGzName_IsReadAsIs()
    {
        var (bytes, written) = BuildArchive(10);

        var (records, warnings) = Read.Archive(bytes, source: "crawl/file.warc.gz");

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        Assert.Equal(bytes, Decode(bytes, "file.warc.gz"));
    }

    [Fact]
    public void Open_OneGzipMemberForManyRecords_ReadsThemAll()
    {
        var (bytes, written) = BuildArchive(200, seed: 5);
        var gzip = Gzip(bytes);

        var (records, warnings) = Read.Archive(gzip);

        Assert.Empty(warnings);
        Assert.Equal(200, records.Count);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
    }

    [Fact]
    public void Open_MembersOfMixedSizesIncludingEmptyOnes_AreConcatenated()
    {
        var (bytes, written) = BuildArchive(20, seed: 9);
        var pieces = new List<byte[]> { Array.Empty<byte>() };
        for (int i = 0; i < bytes.Length; i += 333)
        {
            pieces.Add(bytes[i..Math.Min(bytes.Length, i + 333)]);
            pieces.Add([]);
        }

        var gzip = GzipMembers(pieces);

        Assert.Equal(bytes, Decode(gzip));
        Assert.Equal(written.Count, Read.Archive(gzip).Records.Count);
    }

    [Fact]
    public void Open_LowercaseVersionPrefix_IsAnArchive()
    {
        var bytes = Record("response", "http://a.example/", HttpResponse("a"), version: "warc/1.0");

        var (records, warnings) = Read.Archive(Gzip(bytes));

        Assert.Single(records);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body></body></html>\n", "HTML page")]
    [InlineData("\n\n  <html>\n<body>Service unavailable</body></html>", "HTML page")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", "XML document with error code NoSuchKey (an S3 or HTTP error body?)")]
    [InlineData("<Error><Code>AccessDenied</Code></Error>", "XML document with error code AccessDenied")]
    [InlineData("{\"error\": \"not found\"}", "JSON document")]
    [InlineData("hello, this is some text\nand more", "text; it starts with \"hello, this is some text\"")]
    public void Open_NotAnArchive_ThrowsNamingWhatItLooksLike(string content, string expected)
    {
        foreach (var raw in new[] { Ascii(content), Gzip(Ascii(content)) })
        {
            var error = Assert.Throws<NotAnArchiveException>(() => ArchiveDecoder.Open(new MemoryStream(raw), "s3://bucket/key.warc.gz"));

            Assert.Contains(expected, error.Message);
            Assert.Equal("s3://bucket/key.warc.gz", error.Source);
            Assert.Equal(0, error.Offset);
            Assert.Equal(WarcWarningKinds.NotAnArchive, error.Kind);
            Assert.StartsWith("s3://bucket/key.warc.gz at byte 0: not a WARC archive", error.Message);
        }
    }

    [Fact]
    public void Open_EmptyFile_Throws()
    {
        var error = Assert.Throws<NotAnArchiveException>(() => ArchiveDecoder.Open(new MemoryStream([]), "empty.warc"));

        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void Open_GzipOfNothing_Throws()
    {
        var error = Assert.Throws<NotAnArchiveException>(() => ArchiveDecoder.Open(new MemoryStream(EmptyGzipMember), "empty.warc.gz"));

        Assert.Contains("decompresses to nothing", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x00, 0x10 }, "binary data (first bytes 00010203FFFE0000)")]
    [InlineData(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'9', 0x31, 0x41 }, "bzip2")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x00 }, "zstd")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 0x03, 0x04, 0x00 }, "zip archive")]
    public void Open_BinaryInput_ThrowsNamingIt(byte[] raw, string expected)
    {
        var error = Assert.Throws<NotAnArchiveException>(() => ArchiveDecoder.Open(new MemoryStream(raw), "b.bin"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Open_GzipInsideGzip_SaysSo()
    {
        var twice = Gzip(Gzip(Record("response", "http://a.example/", HttpResponse("a"))));

        var error = Assert.Throws<NotAnArchiveException>(() => ArchiveDecoder.Open(new MemoryStream(twice), "twice.gz"));

        Assert.Contains("gzip-compressed gzip data inside gzip", error.Message);
    }

    [Fact]
    public void Open_ReadsThroughAOneBytePerReadSource()
    {
        var (bytes, written) = BuildArchive(15, seed: 11);
        var gzip = GzipPerRecord(bytes, written);

        using var stream = ArchiveDecoder.Open(new ChunkedStream(gzip, 1), "one-byte.warc.gz");
        var (records, warnings) = Read.Records(stream);

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
    }

    [Fact]
    public void Open_DisposingTheResult_DisposesTheRawStream()
    {
        var raw = new MemoryStream(Gzip(Record("response", "http://a.example/", HttpResponse("a"))));

        ArchiveDecoder.Open(raw, "x").Dispose();

        Assert.False(raw.CanRead);
    }

    [Fact]
    public void FrameworkGZipStream_ReadsConcatenatedMembers_AndEndsSilentlyOnTruncation()
    {
        // The facts the decoder is built on (measured, not assumed): concatenated members are all read, and a cut
        // member ends the stream without any exception - which is why the decoder probes the end itself.
        var a = Gzip(Ascii("first member "));
        var b = Gzip(Ascii("second member"));
        Assert.Equal("first member second member", Read.Text(DecompressWithFramework([.. a, .. b])));

        var cut = b[..(b.Length - 3)];
        var partial = DecompressWithFramework([.. a, .. cut]);
        Assert.StartsWith("first member ", Read.Text(partial));
    }

    private static byte[] DecompressWithFramework(byte[] gzip)
    {
        using var stream = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
