namespace Conformance.Tests;

/// <summary>
/// The Hadoop Streaming runner: <c>warc-uri-count map | sort | combine | sort | reduce</c> as real processes through
/// <see cref="StreamingSimulator"/>, in the locations input style (each map task opens, decompresses and reads its
/// files, as with NLineInputFormat), two map tasks where there are two files or more, two reducers, the combiner on.
/// The warc input style (TextInputFormat re-lines the archive) is held to the local runner's output in
/// WarcUriCount.Streaming.Tests, where its documented differences are asserted too.
/// </summary>
public sealed class StreamingRunnerConformance : WarcUriCountConformance
{
    protected override RunOutcome Count(IReadOnlyList<string> inputs, string key, string? types = null)
    {
        var files = inputs
            .SelectMany<string, string>(i => Directory.Exists(i) ? Directory.GetFiles(i, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [i])
            .ToList();
        List<string> job = ["--key", key];
        if (types != null)
        {
            job.AddRange(["--types", types]);
        }

        var outcome = StreamingSimulator.Run(new StreamingJobSpec
        {
            Inputs = files,
            InputStyle = "locations",
            JobArguments = job,
            MapTasks = 2,
            Reducers = 2,
            Combiner = true,
        });
        return new RunOutcome(outcome.Failure is null ? 0 : 1, outcome.Output, outcome.Counters, outcome.Stderr);
    }
}
