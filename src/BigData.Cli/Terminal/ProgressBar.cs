using System.Globalization;
using Spectre.Console;

namespace BigData.Cli.Terminal;

/// <summary>
/// The live progress bar of <see cref="ProgressView"/> on a terminal. Kept apart so that runs without a terminal
/// (pipes, logs, benchmarks) never load Spectre.Console: the JIT resolves the types a method uses when it compiles
/// the method, so they must not appear in <see cref="ProgressView.Run{T}"/> itself.
/// </summary>
internal static class ProgressBar
{
    /// <summary>Redraws the bar from <paramref name="poll"/> until <paramref name="task"/> ends.</summary>
    public static void Show(TextWriter error, Func<ProgressSnapshot> poll, Task task)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask("map");
                while (!task.Wait(200))
                {
                    Update(bar, poll());
                }

                Update(bar, poll());
                bar.StopTask();
            });
    }

    private static void Update(ProgressTask bar, ProgressSnapshot p)
    {
        bar.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.TasksDone}/{p.TasksTotal} tasks");
        bar.MaxValue = Math.Max(1, p.BytesTotal);
        bar.Value = Math.Min(p.BytesDone, p.BytesTotal);
    }
}
