using BigData.Storage.Inputs;

namespace BigData.MapReduce.Local;

/// <summary>One input file to map. <paramref name="Index"/> is its place in the job's input list.</summary>
internal sealed record MapTask(int Index, IInputFile File, long? Length);

/// <summary>What one map attempt produced; only committed attempts reach the job.</summary>
internal sealed record MapAttemptOutput(
    IReadOnlyList<Aggregation.RunFile> Runs,
    Counters Counters,
    IReadOnlyList<Warc.WarcWarning> Warnings,
    int Spills);
