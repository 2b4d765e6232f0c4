using System.Text;
using System.Text.Json;
using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.Outputs;

/// <summary>Exact bytes of the text formats, written out by hand.</summary>
public sealed class TextOutputFormatTests
{
    [Fact]
    public void CsvWrite_KeysNeedingQuotes_Rfc4180TextWithLfLineEnds()
    {
        var text = WriteText(new CsvOutputFormat(), [
            ("", 1), (" lead", 2), ("\"", 3), ("a,b", 4), ("cr\rx", 5), ("lf\nx", 6), ("plain", 7),
            ("tab\tx", 8), ("trail ", 9), ("http://bücher.example", 10), ("q\"x\"", 3_000_000_000)]);

        Assert.Equal(
            "key,count\n" +
            "\"\",1\n" +
            "\" lead\",2\n" +
            "\"\"\"\",3\n" +
            "\"a,b\",4\n" +
            "\"cr\rx\",5\n" +
            "\"lf\nx\",6\n" +
            "plain,7\n" +
            "tab\tx,8\n" +
            "\"trail \",9\n" +
            "http://bücher.example,10\n" +
            "\"q\"\"x\"\"\",3000000000\n",
            text);
    }

    [Fact]
    public void CsvWrite_NoRows_HeaderOnly()
    {
        Assert.Equal("key,count\n", WriteText(new CsvOutputFormat(), []));
    }

    [Fact]
    public void CsvWrite_InvalidUtf8_ReplacementCharacterAndCounted()
    {
        var stream = new MemoryStream();
        using (var writer = new CsvOutputFormat().Create(stream))
        {
            writer.Write([(byte)'a', 0xFF, (byte)','], 1);
            writer.Complete();
            Assert.Equal(1, writer.InvalidUtf8Keys);
        }

        Assert.Equal("key,count\n\"a\uFFFD,\",1\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void JsonLinesWrite_Keys_OneObjectPerLine()
    {
        var text = WriteText(new JsonLinesOutputFormat(), [
            ("", 1), ("\"q\\", 2), ("ctl\u0001\n", 3), ("http://bücher.example", 4), ("<&>", long.MaxValue)]);

        Assert.Equal(
            "{\"key\":\"\",\"count\":1}\n" +
            "{\"key\":\"\\\"q\\\\\",\"count\":2}\n" +
            "{\"key\":\"ctl\\u0001\\n\",\"count\":3}\n" +
            "{\"key\":\"http://bücher.example\",\"count\":4}\n" +
            "{\"key\":\"<&>\",\"count\":9223372036854775807}\n",
            text);
    }

    [Fact]
    public void JsonLinesWrite_ManyRowsOverTheFlushThreshold_EveryLineParsesBack()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => ($"http://h{i}.example/😀/例", (long)i * 1_000_003)).ToList();

        var lines = WriteText(new JsonLinesOutputFormat(), rows).Split('\n');

        Assert.Equal(rows.Count + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        for (var i = 0; i < rows.Count; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            Assert.Equal(rows[i].Item1, document.RootElement.GetProperty("key").GetString());
            Assert.Equal(rows[i].Item2, document.RootElement.GetProperty("count").GetInt64());
        }
    }

    [Fact]
    public void JsonLinesWrite_NoRows_EmptyFile()
    {
        Assert.Equal("", WriteText(new JsonLinesOutputFormat(), []));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public void Write_AfterComplete_Throws(string format)
    {
        using var writer = OutputFormats.Create(format, "none").Create(new MemoryStream());
        writer.Write("a"u8, 1);
        writer.Complete();

        Assert.Throws<InvalidOperationException>(() => writer.Write("b"u8, 1));
        Assert.Throws<InvalidOperationException>(writer.Complete);
    }

    [Theory]
    [InlineData("csv", "none")]
    [InlineData("jsonl", "gzip")]
    [InlineData("parquet", "gzip")]
    public void Dispose_WithoutComplete_DoesNotThrowAndLeavesTheStreamOpen(string format, string compress)
    {
        var stream = new MemoryStream();
        using (var writer = OutputFormats.Create(format, compress).Create(stream))
        {
            writer.Write("a"u8, 1);
        }

        stream.WriteByte(0); // still open: the caller owns it
    }

    internal static string WriteText(IOutputFormat format, IEnumerable<(string Key, long Count)> rows) =>
        Encoding.UTF8.GetString(Write(format, rows));

    internal static byte[] Write(IOutputFormat format, IEnumerable<(string Key, long Count)> rows)
    {
        var stream = new MemoryStream();
        using (var writer = format.Create(stream))
        {
            foreach (var (key, count) in rows)
            {
                writer.Write(Encoding.UTF8.GetBytes(key), count);
            }

            writer.Complete();
        }

        return stream.ToArray();
    }
}
