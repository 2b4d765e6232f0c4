using System.Text;
using Conformance.Tests;

namespace WarcUriCount.Streaming.Tests.Executable;

/// <summary>Bad reducer and combiner input fed to the real process: counted, described on stderr, exit code as documented.</summary>
public sealed class ReduceProcessTests
{
    private static readonly StreamingExecutable Exe = StreamingExecutable.Built;

    [Theory]
    [InlineData("reduce")]
    [InlineData("combine")]
    public void Run_MalformedLines_CountedReportedExitCode0(string stage)
    {
        var input = new MemoryStream();
        input.Write("a.example\t1\na.example\t2\nmissing tab\nb.example\tlots\nb.example\t99999999999999999999999\nb.example\t4\n"u8);
        input.Write("z\t"u8);
        input.Write([0xFF, (byte)'\n']); // a count that is not UTF-8
        input.Write(Encoding.ASCII.GetBytes(new string('h', 300_000) + "\t1\n"));
        input.Write("zz\t5\n"u8);
        input.Write([0xC3, 0x28, (byte)'.', (byte)'x', (byte)'\t', (byte)'1']); // a key that is not UTF-8, no final LF

        var result = Exe.Run([stage, "--max-line-bytes", "100KB"], input.ToArray());

        Assert.Equal(0, result.ExitCode);
        var expected = new MemoryStream();
        expected.Write("a.example\t3\nb.example\t4\n"u8);
        expected.Write("zz\t5\n"u8);
        expected.Write([0xC3, 0x28, (byte)'.', (byte)'x', (byte)'\t', (byte)'1', (byte)'\n']);
        Assert.Equal(expected.ToArray(), result.Stdout);
        var counters = StreamingReporterLines.Counters(result.Stderr);
        Assert.Equal(1, counters[$"{stage}.malformed.missing_tab"]);
        Assert.Equal(3, counters[$"{stage}.malformed.bad_count"]);
        Assert.Equal(1, counters[$"{stage}.malformed.too_long"]);
        Assert.Equal(1, counters[$"{stage}.non_utf8_keys"]);
        Assert.Contains("stdin line 3 (byte 24): malformed line (no TAB between key and count): 'missing tab'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line longer than 102400 bytes, skipped", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not valid UTF-8; it is kept byte for byte", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduce_UnsortedInput_ExitCode1WithTheReason()
    {
        var result = Exe.Run(["reduce"], "b\t1\na\t1\n"u8.ToArray());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("task failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("LC_ALL=C sort", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, StreamingReporterLines.Counters(result.Stderr)["reduce.out_of_order"]);
    }

    [Fact]
    public void Reduce_EmptyInput_NoOutputExitCode0NoCounters()
    {
        var result = Exe.Run(["reduce"], []);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Empty(StreamingReporterLines.Counters(result.Stderr));
        Assert.NotEmpty(StreamingReporterLines.StatusLines(result.Stderr));
    }

    [Fact]
    public void Reduce_HadoopSeparators_Honoured()
    {
        var result = Exe.Run(["reduce"], "a;1\na;2\n"u8.ToArray(), new Dictionary<string, string?>
        {
            ["stream_reduce_input_field_separator"] = ";",
            ["stream_reduce_output_field_separator"] = "=",
            ["mapreduce_task_partition"] = "4",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a=3\n", result.StdoutText);
        Assert.Contains("reporter:status:warc-uri-count reduce task 4:", result.Stderr, StringComparison.Ordinal);
    }
}
