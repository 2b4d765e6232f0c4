using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming.Tests.Framework;

public sealed class HadoopProtocolTests
{
    [Fact]
    public void From_HadoopVariables_ReadsThem()
    {
        var variables = new Dictionary<string, string>
        {
            ["mapreduce_map_input_file"] = "hdfs://nn/data/a.warc.gz",
            ["mapreduce_task_partition"] = "7",
            ["mapreduce_task_attempt_id"] = "attempt_1_0001_m_000007_0",
            ["stream_map_output_field_separator"] = ",",
            ["stream_reduce_input_field_separator"] = ";",
            ["stream_reduce_output_field_separator"] = "|",
        };

        var env = HadoopTaskEnvironment.From(variables.GetValueOrDefault);

        Assert.Equal("hdfs://nn/data/a.warc.gz", env.InputName);
        Assert.Equal(7, env.TaskPartition);
        Assert.Equal("map task 7", env.TaskName("map"));
        Assert.True(env.IsHadoopTask);
        Assert.Equal((",", ";", "|"), (env.MapOutputSeparator, env.ReduceInputSeparator, env.ReduceOutputSeparator));
    }

    [Fact]
    public void From_OldMapInputFileName_IsUsed()
    {
        var env = HadoopTaskEnvironment.From(n => n == "map_input_file" ? "/old/name" : null);

        Assert.Equal("/old/name", env.InputName);
    }

    [Fact]
    public void From_NoVariables_Defaults()
    {
        var env = HadoopTaskEnvironment.From(_ => null);

        Assert.Equal("stdin", env.InputName);
        Assert.Null(env.TaskPartition);
        Assert.False(env.IsHadoopTask);
        Assert.Equal("reduce task", env.TaskName("reduce"));
        Assert.Equal("\t", env.MapOutputSeparator);
    }

    [Fact]
    public void Reporter_CountersAndStatus_InHadoopsForm()
    {
        var error = new StringWriter();
        using var reporter = new HadoopReporter(error, "warc-uri-count");

        reporter.WriteCounters([new("records.total", 12), new("odd,name", 1)]);
        reporter.Status("reading x\nnext");
        reporter.Log("a warning");

        Assert.Equal(
            "reporter:counter:warc-uri-count,records.total,12\nreporter:counter:warc-uri-count,odd_name,1\n"
            + "reporter:status:reading x next\na warning\n",
            error.ToString());
    }

    [Fact]
    public void Reporter_StatusTimer_WritesAtStartAndThenRepeatedly()
    {
        var error = new StringWriter();
        using var reporter = new HadoopReporter(error, "g");
        var ticks = 0;

        reporter.StartStatusTimer(() => "tick " + Interlocked.Increment(ref ticks), TimeSpan.FromMilliseconds(30));
        Assert.Equal(1, reporter.StatusLines);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (reporter.StatusLines < 4 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        reporter.StopStatusTimer();
        var after = reporter.StatusLines;
        Thread.Sleep(100);

        Assert.True(after >= 4, $"{after} status lines");
        Assert.Equal(after, reporter.StatusLines);
        Assert.StartsWith("reporter:status:tick 1\n", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reporter_ConcurrentWriters_NeverInterleaveLines()
    {
        var error = new StringWriter();
        using var reporter = new HadoopReporter(error, "g");
        reporter.StartStatusTimer(() => "status", TimeSpan.FromMilliseconds(1));

        Parallel.For(0, 2000, i => reporter.Log("line " + i));
        reporter.StopStatusTimer();

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches("^(line \\d+|reporter:status:status)$", l));
        Assert.Equal(2000, lines.Count(l => l.StartsWith("line ", StringComparison.Ordinal)));
    }
}
