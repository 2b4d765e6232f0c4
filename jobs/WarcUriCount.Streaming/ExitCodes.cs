namespace WarcUriCount.Streaming;

/// <summary>
/// Exit codes of <c>warc-uri-count</c>. Hadoop retries a task that exits non-zero (up to
/// <c>mapreduce.map.maxattempts</c> / <c>mapreduce.reduce.maxattempts</c>, 4 by default) and discards the failed
/// attempt's output, so non-zero is used only when the task's output must not be kept.
/// </summary>
public static class ExitCodes
{
    /// <summary>The task succeeded: its output is complete. Failed input files within <c>--max-failed-files</c> and malformed lines are counted and reported, not fatal.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The task failed and its output must be discarded: more failed files than <c>--max-failed-files</c>, a reducer
    /// whose input was not sorted, an error writing stdout, or an internal error.
    /// </summary>
    public const int TaskFailed = 1;

    /// <summary>Bad arguments: nothing ran.</summary>
    public const int Usage = 2;
}
