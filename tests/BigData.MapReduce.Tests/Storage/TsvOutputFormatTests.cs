using System.Text;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Tests.Storage;

public class TsvOutputFormatTests
{
    [Fact]
    public void Create_WritesHadoopTextLines_AndLeavesStreamOpen()
    {
        var format = TsvOutputFormat.Instance;
        using var stream = new MemoryStream();
        using (var writer = format.Create(stream))
        {
            writer.Write("http://a.example"u8, 3);
            writer.Write("bücher.de"u8, 9_000_000_000);
            writer.Write(""u8, -1);
            writer.Complete();
        }

        Assert.True(stream.CanWrite, "the caller owns the stream");
        Assert.Equal("http://a.example\t3\nbücher.de\t9000000000\n\t-1\n", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("tsv", format.Name);
        Assert.Equal("", format.Extension);
    }

    [Fact]
    public void Write_KeyLongerThanBuffer_WrittenWhole()
    {
        var key = Encoding.ASCII.GetBytes(new string('k', 5000));
        using var stream = new MemoryStream();
        using (var writer = new TsvKeyCountWriter(stream, bufferSize: 256))
        {
            writer.Write("a"u8, 1);
            writer.Write(key, long.MinValue);
            writer.Write("z"u8, long.MaxValue);
            writer.Complete();
        }

        Assert.Equal($"a\t1\n{new string('k', 5000)}\t{long.MinValue}\nz\t{long.MaxValue}\n", Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Dispose_WithoutComplete_DoesNotFlushTheTail()
    {
        using var stream = new MemoryStream();
        using (var writer = new TsvKeyCountWriter(stream))
        {
            writer.Write("a"u8, 1);
        }

        Assert.Empty(stream.ToArray());
    }
}
