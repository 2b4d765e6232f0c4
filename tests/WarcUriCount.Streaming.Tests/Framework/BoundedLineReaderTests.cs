using System.Text;
using BigData.MapReduce.Streaming;
using BigData.MapReduce.Text;

namespace WarcUriCount.Streaming.Tests.Framework;

public sealed class BoundedLineReaderTests
{
    /// <summary>Hands out at most a few bytes per read, like a pipe under load.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    private static List<(string Line, bool TooLong, long Offset)> ReadAll(byte[] bytes, int maxLineBytes, int bufferSize, int chunk)
    {
        var lines = new List<(string, bool, long)>();
        using var reader = new BoundedLineReader(new TrickleStream(bytes, chunk), maxLineBytes, bufferSize);
        while (reader.TryReadLine(out var line, out var tooLong))
        {
            lines.Add((Encoding.UTF8.GetString(line), tooLong, reader.LineOffset));
        }

        Assert.Equal(bytes.Length, reader.Position);
        return lines;
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 7)]
    [InlineData(64, 1000)]
    [InlineData(65536, 65536)]
    public void TryReadLine_SeededRandomLines_SameAsSplittingOnLf(int bufferSize, int chunk)
    {
        var random = new Random(42);
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append(new string((char)('a' + random.Next(26)), random.Next(0, 120)));
            text.Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        text.Append("last line without LF");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = text.ToString().Split('\n');

        var lines = ReadAll(bytes, maxLineBytes: 1000, bufferSize, chunk);

        Assert.Equal(expected, lines.Select(l => l.Line));
        Assert.All(lines, l => Assert.False(l.TooLong));
    }

    [Theory]
    [InlineData(16, 3)]
    [InlineData(1024, 4096)]
    public void TryReadLine_LineOverLimit_CutSkippedAndFollowedByTheNextLine(int bufferSize, int chunk)
    {
        var longLine = new string('x', 5000);
        var bytes = Encoding.UTF8.GetBytes($"short\n{longLine}\nafter\n{longLine}");

        var lines = ReadAll(bytes, maxLineBytes: 100, bufferSize, chunk);

        Assert.Equal(4, lines.Count);
        Assert.Equal(("short", false, 0L), lines[0]);
        Assert.True(lines[1].TooLong);
        Assert.InRange(lines[1].Line.Length, 101, BoundedLineReader.TooLongPrefixBytes);
        Assert.All(lines[1].Line, c => Assert.Equal('x', c));
        Assert.Equal(6, lines[1].Offset);
        Assert.Equal(("after", false, 5007L), lines[2]);
        Assert.True(lines[3].TooLong);
    }

    [Fact]
    public void TryReadLine_LineExactlyAtLimit_IsNotTooLong()
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("0123456789\n01234567890\n"), maxLineBytes: 10, bufferSize: 4, chunk: 3);

        Assert.Equal(("0123456789", false, 0L), lines[0]);
        Assert.True(lines[1].TooLong);
    }
}
