namespace BigData.Storage.Inputs;

/// <summary>
/// What the remote I/O of one job did, shared by all its input files (thread-safe). The runner copies
/// <see cref="ToCounters"/> into the job's counters.
/// </summary>
public sealed class IoStatistics
{
    /// <summary>Counter name: requests sent again from the start after a failure (503, SlowDown, 5xx, reset, timeout).</summary>
    public const string RetriesCounter = "io.retries";

    /// <summary>Counter name: broken downloads continued with a ranged GET from the last byte received.</summary>
    public const string ResumesCounter = "io.resumes";

    private long _retries;
    private long _resumes;
    private long _inFlight;
    private long _downloads;

    /// <summary>Requests re-sent from byte 0 (or listing and upload calls re-sent) after a transient failure.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Ranged requests that continued a broken body at a byte offset above 0 (not included in <see cref="Retries"/>).</summary>
    public long Resumes => Interlocked.Read(ref _resumes);

    /// <summary>Downloads whose stream is open right now.</summary>
    public long DownloadsInFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Downloads opened so far.</summary>
    public long Downloads => Interlocked.Read(ref _downloads);

    /// <summary>The job counters, always both, in name order: <c>io.resumes</c>, <c>io.retries</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(ResumesCounter, Resumes),
        new(RetriesCounter, Retries),
    ];

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddResume() => Interlocked.Increment(ref _resumes);

    internal void DownloadStarted()
    {
        Interlocked.Increment(ref _downloads);
        Interlocked.Increment(ref _inFlight);
    }

    internal void DownloadEnded() => Interlocked.Decrement(ref _inFlight);
}
