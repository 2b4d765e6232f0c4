using System.Globalization;

namespace BigData.Cli.Terminal;

/// <summary>A moment of a running job, as the progress view shows it.</summary>
public readonly record struct ProgressSnapshot(string Phase, long BytesDone, long BytesTotal, int TasksDone, int TasksTotal);

/// <summary>
/// Shows progress on stderr while <c>work</c> runs on another thread: a live bar on a terminal
/// (<see cref="ProgressBar"/>), a plain log line every few seconds otherwise (CI logs, pipes).
/// </summary>
public static class ProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/> and renders <paramref name="poll"/> until it ends.</summary>
    public static T Run<T>(CliConsole io, Func<ProgressSnapshot> poll, Func<T> work)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);

        // Waiting on the work itself would throw its failure wrapped in an AggregateException (a failed job would
        // surface as an unhandled exception); this continuation never faults, and GetResult below rethrows unwrapped.
        var ended = task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (io.ErrorIsTerminal)
        {
            ProgressBar.Show(io.Error, poll, ended);
        }
        else
        {
            var started = DateTime.UtcNow;
            while (!ended.Wait(PlainInterval))
            {
                var p = poll();
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{(DateTime.UtcNow - started).TotalSeconds,6:F1}s] {p.Phase}: {p.TasksDone}/{p.TasksTotal} tasks, {p.BytesDone / 1e6:F1}/{p.BytesTotal / 1e6:F1} MB"));
            }
        }

        return task.GetAwaiter().GetResult();
    }
}
