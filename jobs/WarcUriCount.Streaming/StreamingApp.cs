using BigData.MapReduce.Streaming;
using WarcUriCount.Streaming.Commands;

namespace WarcUriCount.Streaming;

/// <summary>The <c>warc-uri-count</c> executable: one subcommand per streaming stage, each in its own file under Commands/.</summary>
public static class StreamingApp
{
    /// <summary>Parses <paramref name="args"/> and runs the task on <paramref name="console"/>; returns the exit code.</summary>
    public static int Run(string[] args, StreamingConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        StreamingRequest? request;
        try
        {
            request = StreamingCommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine("warc-uri-count: " + e.Message);
            console.Error.WriteLine("Run 'warc-uri-count --help' for usage.");
            console.Error.Flush();
            return ExitCodes.Usage;
        }

        if (request is null)
        {
            console.Error.Write(Usage.Text);
            console.Error.Flush();
            return ExitCodes.Ok;
        }

        var environment = HadoopTaskEnvironment.From(console.Environment);
        using var reporter = new HadoopReporter(console.Error, WarcUriCountJob.JobName);
        try
        {
            return request.Stage == StreamStage.Map
                ? MapCommand.Run(request, console, environment, reporter)
                : ReduceCommand.Run(request, console, environment, reporter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Most likely stdout or stderr went away (a broken pipe): the task's output is incomplete.
            TryLog(reporter, $"warc-uri-count {request.Stage.ToString().ToLowerInvariant()}: task failed: {e.GetType().Name}: {e.Message}");
            return ExitCodes.TaskFailed;
        }
        catch (Exception e)
        {
            TryLog(reporter, $"warc-uri-count {request.Stage.ToString().ToLowerInvariant()}: internal error, task failed: {e}");
            return ExitCodes.TaskFailed;
        }
    }

    private static void TryLog(HadoopReporter reporter, string message)
    {
        try
        {
            reporter.StopStatusTimer();
            reporter.Log(message);
        }
        catch (IOException)
        {
            // stderr is gone too: the exit code is all that is left.
        }
    }
}
