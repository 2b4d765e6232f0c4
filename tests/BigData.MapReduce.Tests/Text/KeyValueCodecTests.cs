using System.Text;
using BigData.MapReduce.Text;

namespace BigData.MapReduce.Tests.Text;

public class KeyValueCodecTests
{
    [Theory]
    [InlineData("http://example.com\t42", "http://example.com", 42L)]
    [InlineData("\t7", "", 7L)]
    [InlineData("a b\t-3", "a b", -3L)]
    [InlineData("k\t0009", "k", 9L)]
    [InlineData("k\t9223372036854775807", "k", long.MaxValue)]
    [InlineData("k\t-9223372036854775808", "k", long.MinValue)]
    [InlineData("bücher.de\t1", "bücher.de", 1L)]
    public void Parse_WellFormedLine_SplitsAtFirstTab(string line, string expectedKey, long expectedCount)
    {
        var result = KeyValueCodec.Parse(Encoding.UTF8.GetBytes(line), out var key, out var count);

        Assert.Equal(KeyValueParseResult.Ok, result);
        Assert.Equal(expectedKey, Encoding.UTF8.GetString(key));
        Assert.Equal(expectedCount, count);
    }

    [Theory]
    [InlineData("no tab here", KeyValueParseResult.MissingTab)]
    [InlineData("", KeyValueParseResult.MissingTab)]
    [InlineData("k\t", KeyValueParseResult.BadCount)]
    [InlineData("k\t-", KeyValueParseResult.BadCount)]
    [InlineData("k\t+5", KeyValueParseResult.BadCount)]
    [InlineData("k\t 5", KeyValueParseResult.BadCount)]
    [InlineData("k\t5 ", KeyValueParseResult.BadCount)]
    [InlineData("k\t5\r", KeyValueParseResult.BadCount)]
    [InlineData("k\t1.5", KeyValueParseResult.BadCount)]
    [InlineData("k\tabc", KeyValueParseResult.BadCount)]
    [InlineData("k\t1\t2", KeyValueParseResult.BadCount)]
    [InlineData("k\t9223372036854775808", KeyValueParseResult.BadCount)]
    [InlineData("k\t-9223372036854775809", KeyValueParseResult.BadCount)]
    [InlineData("k\t99999999999999999999999", KeyValueParseResult.BadCount)]
    public void Parse_MalformedLine_ReportsWhy(string line, KeyValueParseResult expected)
    {
        var result = KeyValueCodec.Parse(Encoding.UTF8.GetBytes(line), out _, out var count);

        Assert.Equal(expected, result);
        Assert.Equal(0, count);
    }

    [Fact]
    public void Writer_ThenReader_RoundTripsEveryPairByteForByte()
    {
        var random = new Random(1234);
        var pairs = Enumerable.Range(0, 5000)
            .Select(i => (Key: RandomKey(random, i), Count: random.NextInt64(long.MinValue, long.MaxValue)))
            .Append((Key: new byte[100_000].Select((_, i) => (byte)('a' + (i % 26))).ToArray(), Count: 1L))
            .Append((Key: Array.Empty<byte>(), Count: 0L))
            .ToList();
        using var stream = new MemoryStream();
        using (var writer = KeyValueCodec.CreateWriter(stream, bufferSize: 300))
        {
            foreach (var (key, count) in pairs)
            {
                writer.Write(key, count);
            }

            writer.Complete();
        }

        // Independent encoding: what the protocol says the bytes are.
        var expected = new MemoryStream();
        foreach (var (key, count) in pairs)
        {
            expected.Write(key);
            expected.Write(Encoding.ASCII.GetBytes("\t" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        }

        Assert.Equal(expected.ToArray(), stream.ToArray());

        stream.Position = 0;
        using var reader = new KeyValueReader(stream, bufferSize: 64);
        var index = 0;
        while (reader.TryRead(out var key, out var count, out var result))
        {
            Assert.Equal(KeyValueParseResult.Ok, result);
            Assert.True(key.SequenceEqual(pairs[index].Key), $"key {index}");
            Assert.Equal(pairs[index].Count, count);
            index++;
        }

        Assert.Equal(pairs.Count, index);
    }

    [Fact]
    public void Reader_TinyBufferLongLinesAndNoFinalNewline_ReturnsEveryLine()
    {
        var lines = new[] { "", "short", new string('x', 1000), "", "tail\twith\ttabs", "\r", "last-without-lf" };
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        using var reader = new KeyValueReader(new MemoryStream(bytes), bufferSize: 16);

        var read = new List<string>();
        var offsets = new List<long>();
        while (reader.TryReadLine(out var line))
        {
            read.Add(Encoding.UTF8.GetString(line));
            offsets.Add(reader.LineOffset);
        }

        Assert.Equal(lines, read);
        Assert.Equal(lines.Length, reader.LineNumber);
        Assert.Equal(bytes.Length, reader.Position);
        var expectedOffsets = new List<long>();
        long offset = 0;
        foreach (var line in lines)
        {
            expectedOffsets.Add(offset);
            offset += Encoding.UTF8.GetByteCount(line) + 1;
        }

        Assert.Equal(expectedOffsets, offsets);
    }

    [Fact]
    public void Reader_EmptyStreamAndTrailingNewline_NoPhantomLine()
    {
        using var empty = new KeyValueReader(new MemoryStream());
        Assert.False(empty.TryReadLine(out _));

        using var one = new KeyValueReader(new MemoryStream("a\t1\n"u8.ToArray()));
        Assert.True(one.TryReadLine(out var line));
        Assert.Equal("a\t1", Encoding.UTF8.GetString(line));
        Assert.False(one.TryReadLine(out _));
    }

    [Fact]
    public void Reader_MalformedLinesAmongGoodOnes_CallerCanCountThem()
    {
        var input = "a\t1\nbroken\nb\tx\nc\t3\n"u8.ToArray();
        using var reader = new KeyValueReader(new MemoryStream(input), bufferSize: 16);

        var results = new List<KeyValueParseResult>();
        long sum = 0;
        while (reader.TryRead(out _, out var count, out var result))
        {
            results.Add(result);
            sum += count;
        }

        Assert.Equal([KeyValueParseResult.Ok, KeyValueParseResult.MissingTab, KeyValueParseResult.BadCount, KeyValueParseResult.Ok], results);
        Assert.Equal(4, sum);
    }

    private static byte[] RandomKey(Random random, int i)
    {
        // Any bytes but TAB and LF, including non-ASCII and invalid UTF-8.
        var key = new byte[random.Next(0, 40) + (i % 3)];
        random.NextBytes(key);
        for (var j = 0; j < key.Length; j++)
        {
            if (key[j] is (byte)'\t' or (byte)'\n')
            {
                key[j] = (byte)'_';
            }
        }

        return key;
    }
}
