using Conformance.Tests;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Executable;

/// <summary>Status lines keep Hadoop from killing a task that runs long: at the start, then on a timer.</summary>
public sealed class StatusTests
{
    /// <summary>A stdin that trickles: a hundred bytes every 10 ms.</summary>
    private sealed class SlowStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(10);
            return base.Read(buffer, offset, Math.Min(count, 100));
        }

        public override int Read(Span<byte> buffer)
        {
            var chunk = new byte[Math.Min(buffer.Length, 100)];
            var n = Read(chunk, 0, chunk.Length);
            chunk.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
    }

    [Theory]
    [InlineData("map")]
    [InlineData("reduce")]
    public void Run_SlowInput_StatusAtStartAndEveryInterval(string stage)
    {
        var input = stage == "map"
            ? File.ReadAllBytes(Fixtures.Path("authority.warc"))
            : System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 600).Select(i => $"k{i:D5}\t1\n")));
        var error = new StringWriter();
        var output = new MemoryStream();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var code = StreamingApp.Run([stage, "--status-interval", "0.05"], new StreamingConsole(new SlowStream(input), output, error, _ => null));

        Assert.Equal(0, code);
        var status = StreamingReporterLines.StatusLines(error.ToString());
        var expectedAtLeast = (int)(clock.Elapsed.TotalSeconds / 0.05 / 4);
        Assert.True(status.Count >= Math.Max(3, expectedAtLeast), $"{status.Count} status lines in {clock.Elapsed}");
        Assert.StartsWith($"warc-uri-count {stage} task: ", status[0], StringComparison.Ordinal);
        Assert.Contains("done", status[^1], StringComparison.Ordinal);
    }
}
