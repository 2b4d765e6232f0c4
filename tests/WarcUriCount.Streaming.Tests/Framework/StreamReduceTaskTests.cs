using System.Text;
using BigData.MapReduce;
using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming.Tests.Framework;

public sealed class StreamReduceTaskTests
{
    private sealed record Run(StreamReduceResult Result, byte[] Output, Counters Counters, List<string> Log)
    {
        public string Text => Encoding.UTF8.GetString(Output);

        public long Counter(string name) => Counters.Get(name);
    }

    private static Run Reduce(byte[] input, StreamReduceOptions? options = null)
    {
        var counters = new Counters();
        var log = new List<string>();
        var output = new MemoryStream();
        var result = new StreamReduceTask(options ?? StreamReduceOptions.Reduce, counters, log.Add).Run(new MemoryStream(input), output);
        return new Run(result, output.ToArray(), counters, log);
    }

    private static Run Reduce(string input, StreamReduceOptions? options = null) => Reduce(Encoding.UTF8.GetBytes(input), options);

    [Fact]
    public void Run_SortedInput_SumsEqualKeys()
    {
        var run = Reduce("a\t1\na\t2\nb\t5\nc\t-1\nc\t4\n");

        Assert.True(run.Result.Succeeded);
        Assert.Equal("a\t3\nb\t5\nc\t3\n", run.Text);
        Assert.Equal(5, run.Result.InputLines);
        Assert.Equal(3, run.Result.OutputLines);
        Assert.Empty(run.Counters.Snapshot());
        Assert.Empty(run.Log);
    }

    [Fact]
    public void Run_EmptyInput_WritesNothing()
    {
        var run = Reduce("");

        Assert.True(run.Result.Succeeded);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Run_LastLineWithoutNewline_IsSummed()
    {
        Assert.Equal("a\t3\n", Reduce("a\t1\na\t2").Text);
    }

    [Fact]
    public void Run_MalformedLines_CountedReportedAndSkippedWithoutFailing()
    {
        var run = Reduce("a\t1\nno tab here\na\tx\na\t\na\t99999999999999999999\na\t2\r\na\t+3\na\t4\n");

        Assert.True(run.Result.Succeeded);
        Assert.Equal("a\t5\n", run.Text);
        Assert.Equal(1, run.Counter("reduce.malformed.missing_tab"));
        Assert.Equal(5, run.Counter("reduce.malformed.bad_count"));
        Assert.Equal(6, run.Result.MalformedLines);
        Assert.Contains(run.Log, l => l.Contains("stdin line 2 (byte 4)", StringComparison.Ordinal) && l.Contains("no TAB", StringComparison.Ordinal));
        Assert.Contains(run.Log, l => l.Contains("line 5", StringComparison.Ordinal) && l.Contains("does not fit in 64 bits", StringComparison.Ordinal));
        Assert.Contains(run.Log, l => l.Contains("'a\\t2\\r'", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ManyMalformedLines_DescribesTheFirstAndSummarisesTheRest()
    {
        var input = string.Concat(Enumerable.Repeat("garbage\n", 25)) + "k\t1\n";

        var run = Reduce(input, StreamReduceOptions.Reduce with { MaxReportedLines = 3 });

        Assert.Equal("k\t1\n", run.Text);
        Assert.Equal(25, run.Counter("reduce.malformed.missing_tab"));
        Assert.Equal(3, run.Log.Count(l => l.Contains("malformed line (", StringComparison.Ordinal)));
        Assert.Contains(run.Log, l => l.Contains("25 malformed lines in all (22 not described above)", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SumOverflow_WritesTheKeyTwiceAndLosesNothing()
    {
        var run = Reduce($"big\t{long.MaxValue}\nbig\t5\nbig\t1\n");

        Assert.True(run.Result.Succeeded);
        Assert.Equal($"big\t{long.MaxValue}\nbig\t6\n", run.Text);
        Assert.Equal(1, run.Counter("reduce.sum_overflow"));
        Assert.Contains(run.Log, l => l.Contains("overflows 64 bits", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_NonUtf8Key_KeptByteForByteAndCounted()
    {
        byte[] input = [0xC3, 0x28, (byte)'\t', (byte)'2', (byte)'\n', 0xC3, 0x28, (byte)'\t', (byte)'3', (byte)'\n', 0xFF, (byte)'\t', (byte)'1', (byte)'\n'];

        var run = Reduce(input);

        Assert.True(run.Result.Succeeded);
        Assert.Equal([0xC3, 0x28, (byte)'\t', (byte)'5', (byte)'\n', 0xFF, (byte)'\t', (byte)'1', (byte)'\n'], run.Output);
        Assert.Equal(2, run.Counter("reduce.non_utf8_keys"));
        Assert.Single(run.Log, l => l.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_InvalidUtf8InCount_IsABadCount()
    {
        var run = Reduce([(byte)'k', (byte)'\t', 0xFF, 0xFE, (byte)'\n', (byte)'k', (byte)'\t', (byte)'1', (byte)'\n']);

        Assert.Equal("k\t1\n", run.Text);
        Assert.Equal(1, run.Counter("reduce.malformed.bad_count"));
        Assert.Contains(run.Log, l => l.Contains("'k\\t\\xFF\\xFE'", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_LineLongerThanLimit_SkippedInBoundedMemoryAndCounted()
    {
        var huge = new string('x', 100_000);
        var run = Reduce($"a\t1\n{huge}\t7\na\t2\n{huge}", StreamReduceOptions.Reduce with { MaxLineBytes = 1000 });

        Assert.True(run.Result.Succeeded);
        Assert.Equal("a\t3\n", run.Text);
        Assert.Equal(2, run.Counter("reduce.malformed.too_long"));
        Assert.Contains(run.Log, l => l.Contains("stdin line 2 (byte 4)", StringComparison.Ordinal) && l.Contains("longer than 1000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_HugeKeyWithinLimit_PassesThroughUnchanged()
    {
        var key = new string('k', 3_000_000);
        var run = Reduce($"{key}\t1\n{key}\t2\n");

        Assert.Equal($"{key}\t3\n", run.Text);
    }

    [Fact]
    public void Run_ReducerWithUnsortedInput_FailsAndNamesTheLine()
    {
        var run = Reduce("b\t1\na\t1\nb\t1\n");

        Assert.False(run.Result.Succeeded);
        Assert.Contains("first at line 2", run.Result.Failure, StringComparison.Ordinal);
        Assert.Contains("LC_ALL=C sort", run.Result.Failure, StringComparison.Ordinal);
        Assert.Equal(1, run.Counter("reduce.out_of_order"));
    }

    [Fact]
    public void Run_CombinerWithUnsortedInput_SucceedsWithCounterAndNote()
    {
        var run = Reduce("b\t1\na\t1\nb\t1\n", StreamReduceOptions.Combine);

        Assert.True(run.Result.Succeeded);
        Assert.Equal("b\t1\na\t1\nb\t1\n", run.Text);
        Assert.Equal(1, run.Counter("combine.out_of_order"));
    }

    [Theory]
    [InlineData("a\t1\na\u0001\t2\n")] // Hadoop's key order: a prefix first
    [InlineData("a\u0001\t2\na\t1\n")] // LC_ALL=C sort's line order: 0x01 sorts before the TAB
    [InlineData("a\t1\nab\t2\n")]
    public void Run_EitherSortOrderOfPrefixKeys_IsAccepted(string input)
    {
        var run = Reduce(input);

        Assert.True(run.Result.Succeeded, run.Result.Failure);
        Assert.Equal(0, run.Counter("reduce.out_of_order"));
        Assert.Equal(2, run.Result.OutputLines);
    }

    [Fact]
    public void Run_CustomSeparators_ReadAndWritten()
    {
        var run = Reduce("a::1\na::2\nb\t3\n", StreamReduceOptions.Reduce with { InputSeparator = "::", OutputSeparator = "," });

        Assert.Equal("a,3\n", run.Text);
        Assert.Equal(1, run.Counter("reduce.malformed.missing_tab"));
        Assert.Contains(run.Log, l => l.Contains("no separator '::'", StringComparison.Ordinal));
    }
}
