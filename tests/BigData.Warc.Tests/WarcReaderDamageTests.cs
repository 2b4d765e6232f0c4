using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

public class WarcReaderDamageTests
{
    private static readonly WarcReaderOptions Strict = new() { Strict = true };

    private static (byte[] Bytes, long DamagedOffset) WithLength(int damagedIndex, Func<int, long> declared, int count = 6)
    {
        var parts = new List<byte[]>();
        long offset = 0;
        long damagedOffset = -1;
        for (int i = 0; i < count; i++)
        {
            var body = HttpResponse($"r{i}.example", 300 + (i * 37));
            var bytes = i == damagedIndex
                ? Record("response", $"http://r{i}.example/", body, contentLength: declared(body.Length))
                : Record("response", $"http://r{i}.example/", body);
            if (i == damagedIndex)
            {
                damagedOffset = offset;
            }

            parts.Add(bytes);
            offset += bytes.Length;
        }

        return (parts.SelectMany(p => p).ToArray(), damagedOffset);
    }

    private static string[] Uris(int count) => Enumerable.Range(0, count).Select(i => $"http://r{i}.example/").ToArray();

    [Theory]
    [InlineData(-40)]
    [InlineData(-2)]
    [InlineData(-300)]
    [InlineData(+10)]
    [InlineData(+150)]
    [InlineData(+400)]
    public void TryRead_WrongContentLength_WarnsKeepsTheRecordAndResynchronises(int delta)
    {
        var (bytes, damagedOffset) = WithLength(2, n => n + delta);

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(Uris(6), records.Select(r => r.TargetUri));
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.ContentLengthMismatch, warning.Kind);
        Assert.Equal(damagedOffset, warning.Offset);
        Assert.Equal("test.warc", warning.Source);
    }

    [Fact]
    public void TryRead_ContentLengthOfLastRecordTooLong_IsTruncation()
    {
        var (bytes, damagedOffset) = WithLength(5, n => n + 100);

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(Uris(5), records.Select(r => r.TargetUri));
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.Truncated, warning.Kind);
        Assert.Equal(damagedOffset, warning.Offset);
    }

    [Fact]
    public void TryRead_ContentLengthRunsPastEndButALaterRecordExists_IsMismatch()
    {
        var (bytes, damagedOffset) = WithLength(4, n => n + 5000);

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(Uris(6), records.Select(r => r.TargetUri));
        Assert.Equal(WarcWarningKinds.ContentLengthMismatch, Assert.Single(warnings).Kind);
        Assert.Equal(damagedOffset, warnings[0].Offset);
    }

    [Fact]
    public void TryRead_ContentLengthTooShortInLargeBlockPath_ResynchronisesAfterTheBlock()
    {
        // With a 256-byte window every block here is streamed; a length 40 bytes short is caught after the block.
        var (bytes, _) = WithLength(2, n => n - 40);

        var (records, warnings) = Read.Records(bytes, new WarcReaderOptions { BufferSize = 256 });

        Assert.Equal(Uris(6), records.Select(r => r.TargetUri));
        Assert.Equal(WarcWarningKinds.ContentLengthMismatch, Assert.Single(warnings).Kind);
    }

    [Theory]
    [InlineData(true, WarcWarningKinds.MissingContentLength)]
    [InlineData(false, WarcWarningKinds.BadContentLength)]
    public void TryRead_MissingOrInvalidContentLength_DropsTheRecordAndGoesOn(bool omit, string kind)
    {
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a")),
            .. omit
                ? Record("response", "http://bad.example/", HttpResponse("bad"), omitLength: true)
                : Record("response", "http://bad.example/", HttpResponse("bad"), extraHeaders: ["Content-Length: 12x"], omitLength: true),
            .. Record("response", "http://c.example/", HttpResponse("c")),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(["http://a.example/", "http://c.example/"], records.Select(r => r.TargetUri));
        Assert.Equal(kind, Assert.Single(warnings).Kind);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void TryRead_InvalidContentLengthValues_AreBad(string value)
    {
        byte[] bytes =
        [
            .. Record("response", "http://bad.example/", HttpResponse("bad"), extraHeaders: [$"Content-Length: {value}"], omitLength: true),
            .. Record("response", "http://c.example/", HttpResponse("c")),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal("http://c.example/", Assert.Single(records).TargetUri);
        Assert.Equal(WarcWarningKinds.BadContentLength, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_GarbageBetweenRecords_WarnsWithTheSkippedByteCount()
    {
        var first = Record("response", "http://a.example/", HttpResponse("a"));
        var garbage = Ascii("this is not a record\r\nnor is this WARC/1.0 in the middle of a line\r\n");
        byte[] bytes = [.. first, .. garbage, .. Record("response", "http://b.example/", HttpResponse("b"))];

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(["http://a.example/", "http://b.example/"], records.Select(r => r.TargetUri));
        // The boundary check after the first record sees the garbage: the first record's length is blamed and the
        // scan goes on from its block; then nothing more is lost.
        Assert.Equal(WarcWarningKinds.ContentLengthMismatch, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_GarbageAtTheStart_WarnsBadVersionLineWithTheSkippedByteCount()
    {
        var garbage = Ascii("garbage\r\nmore garbage WARC/1.0\r\n");
        byte[] bytes = [.. garbage, .. Record("response", "http://b.example/", HttpResponse("b"))];

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(garbage.Length, Assert.Single(records).Offset);
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.BadVersionLine, warning.Kind);
        Assert.Equal(0, warning.Offset);
        Assert.Contains($"skipped {garbage.Length} bytes", warning.Message);
    }

    [Fact]
    public void TryRead_HeaderLongerThanTheLimit_IsDroppedWithAWarning()
    {
        var longHeader = "X-Long: " + new string('x', 3000);
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a")),
            .. Record("response", "http://long.example/", HttpResponse("long"), extraHeaders: [longHeader]),
            .. Record("response", "http://c.example/", HttpResponse("c")),
        ];

        var (records, warnings) = Read.Records(bytes, new WarcReaderOptions { MaxHeaderBytes = 1024 });

        Assert.Equal(["http://a.example/", "http://c.example/"], records.Select(r => r.TargetUri));
        Assert.Equal(WarcWarningKinds.HeaderTooLong, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_HeaderExactlyAtTheLimit_IsKeptOneByteOverIsDropped()
    {
        var longHeader = "X-Long: " + new string('x', 3000);
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a")),
            .. Record("response", "http://long.example/", HttpResponse("long"), extraHeaders: [longHeader]),
        ];

        // int.MaxValue: no overflow where the limit is added to an offset.
        var (all, none) = Read.Records(bytes, new WarcReaderOptions { MaxHeaderBytes = int.MaxValue });
        Assert.Equal(["http://a.example/", "http://long.example/"], all.Select(r => r.TargetUri));
        Assert.Empty(none);

        // The limit counts the header lines and the empty line that ends them (CR LF here).
        int exact = all[1].HeaderBlock.Length + 2;
        var (kept, noWarnings) = Read.Records(bytes, new WarcReaderOptions { MaxHeaderBytes = exact });
        Assert.Equal(["http://a.example/", "http://long.example/"], kept.Select(r => r.TargetUri));
        Assert.Empty(noWarnings);

        var (dropped, warnings) = Read.Records(bytes, new WarcReaderOptions { MaxHeaderBytes = exact - 1 });
        Assert.Equal(["http://a.example/"], dropped.Select(r => r.TargetUri));
        Assert.Equal(WarcWarningKinds.HeaderTooLong, Assert.Single(warnings).Kind);
    }

    [Fact]
    public async Task TryRead_HugeHeaderLineReadOneByteAtATime_IsDroppedInLinearTime()
    {
        byte[] bytes =
        [
            .. Ascii("WARC/1.0\r\nX-Huge: "), .. Enumerable.Repeat((byte)'x', 1_100_000), .. Ascii("\r\n\r\n"),
            .. Record("response", "http://after.example/", HttpResponse("after")),
        ];
        var options = new WarcReaderOptions { BufferSize = 64 };

        // A time limit: rescanning the long line after every one-byte read would take far longer.
        var (records, warnings) = await Task.Run(() => Read.Records(new ChunkedStream(bytes, 1), options)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("http://after.example/", Assert.Single(records).TargetUri);
        Assert.Equal(WarcWarningKinds.HeaderTooLong, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_HeaderWithoutEndAtEndOfInput_IsTruncation()
    {
        var complete = Record("response", "http://a.example/", HttpResponse("a"));
        byte[] bytes = [.. complete, .. Ascii("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://cut.example/\r\n")];

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal("http://a.example/", Assert.Single(records).TargetUri);
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.Truncated, warning.Kind);
        Assert.Equal(complete.Length, warning.Offset);
    }

    [Fact]
    public void TryRead_CompleteBlockWithMissingOrPartialTrailer_IsFine()
    {
        var body = HttpResponse("a");
        foreach (var trailer in new[] { string.Empty, "\r", "\r\n", "\r\n\r" })
        {
            var (records, warnings) = Read.Records(Record("response", "http://a.example/", body, trailer: trailer));

            Assert.Single(records);
            Assert.Empty(warnings);
        }
    }

    [Fact]
    public void TryRead_StrictMode_ThrowsOnTheFirstProblemWithSourceOffsetAndKind()
    {
        var (bytes, damagedOffset) = WithLength(3, n => n + 77);
        using var reader = new WarcReader(new MemoryStream(bytes), "crawl/part-7.warc", Strict);
        int returned = 0;

        var error = Assert.Throws<WarcFormatException>(() =>
        {
            while (reader.TryRead(out _))
            {
                returned++;
            }
        });

        Assert.Equal(3, returned);
        Assert.False(reader.TryRead(out _));
        Assert.Equal("crawl/part-7.warc", error.Source);
        Assert.Equal(damagedOffset, error.Offset);
        Assert.Equal(WarcWarningKinds.ContentLengthMismatch, error.Kind);
        Assert.Contains($"crawl/part-7.warc at byte {damagedOffset}", error.Message);
    }

    [Fact]
    public void TryRead_ContentLengthShortByTrailingLineEnds_IsToleratedWithoutLoss()
    {
        // The body ends in LF; a length one short leaves that LF to the trailer, which may be any mix of CR and LF.
        var (bytes, _) = WithLength(2, n => n - 1);

        var (records, warnings) = Read.Records(bytes);

        Assert.Equal(Uris(6), records.Select(r => r.TargetUri));
        Assert.Empty(warnings);
    }

    [Fact]
    public void TryRead_StrictMode_GarbageAtTheStart_ThrowsBadVersionLine()
    {
        using var reader = new WarcReader(new MemoryStream(Ascii("<html>\r\n")), "s.warc", Strict);

        var error = Assert.Throws<WarcFormatException>(() => reader.TryRead(out _));

        Assert.Equal(WarcWarningKinds.BadVersionLine, error.Kind);
        Assert.Equal(0, error.Offset);
        Assert.Equal("s.warc", error.Source);
    }

    [Theory]
    [InlineData("\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n", "garbage\r\n", WarcWarningKinds.BadVersionLine)]
    [InlineData("", "WARC/1.0\r\nWARC-Type: response\r\n", WarcWarningKinds.Truncated)]
    [InlineData("", "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody", WarcWarningKinds.MissingContentLength)]
    public void TryRead_StrictMode_ThrowsForEachKindOfDamage(string blankLines, string tail, string kind)
    {
        // The blank lines run past the boundary lookahead, so the garbage is met where a record should start.
        var first = Record("response", "http://a.example/", HttpResponse("a"));
        using var reader = new WarcReader(new MemoryStream([.. first, .. Ascii(blankLines), .. Ascii(tail)]), "s.warc", Strict);

        Assert.True(reader.TryRead(out _));
        var error = Assert.Throws<WarcFormatException>(() => reader.TryRead(out _));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(first.Length + blankLines.Length, error.Offset);
    }

    [Fact]
    public void TryRead_StrictMode_ValidArchive_DoesNotThrow()
    {
        var (bytes, written) = BuildArchive(30, seed: 3);

        var (records, warnings) = Read.Records(bytes, Strict);

        Assert.Equal(written.Count, records.Count);
        Assert.Empty(warnings);
    }
}
