using Conformance.Tests;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Pipelines;

/// <summary>The self-contained single-file executable that a Hadoop node runs (no .NET installed there).</summary>
public sealed class PublishedExecutableTests
{
    [RequiresPublishedExecutableFact]
    public void Published_BothStylesOverTheFixtures_EqualLocalRunner()
    {
        var exe = StreamingExecutable.Published;
        var empty = exe.Run(["reduce"], []);
        Assert.Equal(0, empty.ExitCode);
        Assert.Empty(empty.Stdout);

        foreach (var style in new[] { "locations", "warc" })
        {
            var files = Fixtures.For(style);
            var local = LocalRunner.CountToStdout(files, ["--key", "origin"]);

            var outcome = StreamingSimulator.Run(new StreamingJobSpec
            {
                Inputs = files,
                InputStyle = style,
                JobArguments = ["--key", "origin"],
                MapTasks = 2,
                Reducers = 1,
                Executable = exe,
            });

            Assert.True(outcome.Failure is null, outcome.Failure + "\n" + outcome.Stderr);
            Assert.Equal(local.Tsv, outcome.Output);
        }
    }
}
