namespace BigData.MapReduce.Local;

/// <summary>The job failed as a whole (too many failed files, or all of them); no output was committed.</summary>
public sealed class JobFailedException(string message, IReadOnlyList<FailedFile> failedFiles, IReadOnlyList<KeyValuePair<string, long>> counters)
    : Exception(message)
{
    /// <summary>The files that failed, by location.</summary>
    public IReadOnlyList<FailedFile> FailedFiles { get; } = failedFiles;

    /// <summary>Counters of the attempts that had committed when the job stopped.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters { get; } = counters;
}
