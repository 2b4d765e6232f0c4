using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

public class LineReaderTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\r\nb\n\nc", new[] { "a\r", "b", "", "c" })]
    [InlineData("\r\n\r\n", new[] { "\r", "\r" })]
    [InlineData("lone\rcr\n", new[] { "lone\rcr" })]
    public void TryReadLine_SplitsOnLfKeepingCr(string input, string[] expected)
    {
        var (lines, warnings) = Read.Lines(new MemoryStream(Ascii(input)));

        Assert.Equal(expected, lines);
        Assert.Empty(warnings);
    }

    [Fact]
    public void TryReadLine_SameLinesForAnyChunkingAndWindow()
    {
        var random = new Random(4);
        var (bytes, _) = BuildArchive(30, seed: 4, maxBody: 3000);
        byte[] input = [.. bytes, .. RandomBytes(random, 20_000), .. Ascii("\nlast line without LF")];
        var expected = Read.Text(input).Split('\n').ToList();

        foreach (var (chunks, bufferSize) in new[] { (new[] { 1 }, 64), ([7], 100), ([4093], 64), ([], 1 << 20) })
        {
            var (lines, warnings) = Read.Lines(new ChunkedStream(input, chunks), bufferSize);

            Assert.Empty(warnings);
            Assert.Equal(expected, lines);
        }
    }

    [Theory]
    [InlineData(64, 1 << 20)]
    [InlineData(1 << 20, 1 << 20)]
    [InlineData(100, 70)]
    public void TryReadLine_LinesOfEveryLength_AreSplitExactly(int bufferSize, int maxLineLength)
    {
        // Lines of 0..200 bytes put LFs at every position of the 64-byte blocks the fast path scans.
        var expected = Enumerable.Range(0, 201).Select(n => new string((char)('a' + (n % 26)), n)).ToList();
        var input = Ascii(string.Join("\n", expected) + "\n");
        var cut = expected.Select(l => l.Length > maxLineLength ? l[..maxLineLength] : l).ToList();

        foreach (var chunks in new[] { new[] { 1 }, [63], [65], [] })
        {
            var (lines, warnings) = Read.Lines(new ChunkedStream(input, chunks), bufferSize, maxLineLength);

            Assert.Equal(cut, lines);
            Assert.Equal(expected.Count(l => l.Length > maxLineLength), warnings.Count);
        }
    }

    [Fact]
    public void TryReadLine_LineLongerThanTheLimit_IsCutAndTheRestSkipped()
    {
        var input = Ascii("short\n" + new string('x', 25) + "\nexactly10!\nnext\n" + new string('y', 11));

        var (lines, warnings) = Read.Lines(new ChunkedStream(input, 3), bufferSize: 64, maxLineLength: 10);

        Assert.Equal(["short", "xxxxxxxxxx", "exactly10!", "next", "yyyyyyyyyy"], lines);
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(WarcWarningKinds.LongLine, w.Kind));
        Assert.Equal(6, warnings[0].Offset);
    }

    [Fact]
    public void TryReadLine_DefaultLimitIsOneMebibyte()
    {
        byte[] input = [.. new byte[(1 << 20) + 5].Select(_ => (byte)'z'), (byte)'\n', (byte)'k'];
        var warnings = new List<WarcWarning>();
        using var reader = new LineReader(new MemoryStream(input), "big.txt", onWarning: warnings.Add);

        Assert.True(reader.TryReadLine(out var first));
        Assert.Equal(1 << 20, first.Length);
        Assert.True(reader.TryReadLine(out var second));
        Assert.Equal("k", Read.Text(second));
        Assert.False(reader.TryReadLine(out _));
        Assert.Equal(input.Length, reader.Position);
        Assert.Equal(WarcWarningKinds.LongLine, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryReadLine_TruncatedGzip_KeepsTheCompleteLinesAndWarns()
    {
        var text = Ascii(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n")));
        var gzip = Gzip(text);
        using var stream = ArchiveDecoder.Open(new MemoryStream([.. Gzip(Ascii("WARC/1.0\n")), .. gzip[..(gzip.Length / 2)]]), "t.gz");

        var (lines, warnings) = Read.Lines(stream);

        Assert.Equal("WARC/1.0", lines[0]);
        Assert.True(lines.Count > 10);
        Assert.Equal(Enumerable.Range(0, lines.Count - 1).Select(i => $"line {i}"), lines.Skip(1));
        Assert.Equal(WarcWarningKinds.TruncatedGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryReadLine_TruncatedGzipInStrictMode_Throws()
    {
        var gzip = Gzip(Ascii("WARC/1.0\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n"))));
        using var stream = ArchiveDecoder.Open(new MemoryStream(gzip[..(gzip.Length - 1)]), "t.gz");

        var error = Assert.Throws<CompressedDataException>(() => Read.Lines(stream, strict: true));

        Assert.Equal(WarcWarningKinds.TruncatedGzip, error.Kind);
        Assert.Equal("t.gz", error.Source);
    }
}
