using System.Globalization;
using BigData.MapReduce;
using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming.Commands;

/// <summary>
/// <c>warc-uri-count combine</c> and <c>warc-uri-count reduce</c>: key-sorted <c>key&lt;TAB&gt;count</c> lines on stdin,
/// one summed line per key on stdout. The work is <see cref="StreamReduceTask"/>'s.
/// </summary>
internal static class ReduceCommand
{
    public static int Run(StreamingRequest request, StreamingConsole console, HadoopTaskEnvironment environment, HadoopReporter reporter)
    {
        var stage = request.Stage;
        var taskName = environment.TaskName(stage == StreamStage.Combine ? "combine" : "reduce");
        var options = (stage == StreamStage.Combine ? StreamReduceOptions.Combine : StreamReduceOptions.Reduce) with
        {
            InputSeparator = environment.ReduceInputSeparator,
            OutputSeparator = environment.ReduceOutputSeparator,
            MaxLineBytes = request.MaxLineBytes,
        };
        var counters = new Counters();
        var task = new StreamReduceTask(options, counters, reporter.Log, "stdin");
        reporter.StartStatusTimer(() => Status(taskName, task), request.StatusInterval);
        var result = task.Run(console.Input, console.Output);
        reporter.StopStatusTimer();
        reporter.WriteCounters(counters.Snapshot());
        if (!result.Succeeded)
        {
            reporter.Log($"warc-uri-count {taskName}: task failed: {result.Failure}");
            return ExitCodes.TaskFailed;
        }

        reporter.Status(string.Create(CultureInfo.InvariantCulture, $"warc-uri-count {taskName}: done; {result.InputLines} lines in, {result.OutputLines} out, {result.MalformedLines} malformed"));
        return ExitCodes.Ok;
    }

    private static string Status(string taskName, StreamReduceTask task) =>
        string.Create(CultureInfo.InvariantCulture, $"warc-uri-count {taskName}: {task.InputLines} lines in ({task.BytesRead / 1e6:F1} MB)");
}
