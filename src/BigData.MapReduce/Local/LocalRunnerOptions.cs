using BigData.Warc;

namespace BigData.MapReduce.Local;

/// <summary>How the local multicore runner runs a job. Immutable; every default is stated.</summary>
public sealed record LocalRunnerOptions
{
    /// <summary>All defaults.</summary>
    public static LocalRunnerOptions Default { get; } = new();

    /// <summary>Default <see cref="Environment.ProcessorCount"/>: map tasks (input files) run on this many threads at once.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Default <c>null</c>, meaning as many as <see cref="Workers"/>: the number of partitions and so of
    /// <c>part-NNNNN</c> files. A key goes to the same partition as in a Hadoop job with this many reducers.
    /// </summary>
    public int? Reducers { get; init; }

    /// <summary>
    /// Default 1 GiB: the in-memory aggregation budget of the whole job, split evenly among the map workers that run
    /// at once. Keys beyond it are spilled to sorted runs on disk, so memory does not grow with the input. The reduce
    /// phase sizes its merge buffers from the same budget.
    /// </summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Default 2: attempts per input file for failures that may be transient (I/O, network). Damaged or non-archive
    /// input (<see cref="WarcFormatException"/>, corrupt compressed data) fails the file at once: it would fail again.
    /// </summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>
    /// Default <c>null</c>: any number of failed files is tolerated, but a job in which every file failed fails.
    /// A number: the job fails, writing nothing, as soon as more files than this have failed.
    /// </summary>
    public int? MaxFailedFiles { get; init; }

    /// <summary>
    /// Default <c>false</c> (lenient: damaged records become warnings and reading goes on). <c>true</c> makes the
    /// reader strict, whatever <see cref="ReaderOptions"/> says: the first damaged record fails its file.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Default <see cref="WarcReaderOptions.Default"/>: how archives are read.</summary>
    public WarcReaderOptions ReaderOptions { get; init; } = WarcReaderOptions.Default;

    /// <summary>
    /// Default <c>null</c>, meaning <see cref="Path.GetTempPath"/>: where the job's scratch directory (spill runs,
    /// intermediate merges) is created. The scratch directory is always deleted when the job ends.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>Default 64: most sorted runs merged at once; more are merged in intermediate passes.</summary>
    public int MergeFanIn { get; init; } = 64;

    /// <summary>Default 20: warning messages kept per input file for the summary (all are counted).</summary>
    public int WarningsPerFile { get; init; } = 20;

    /// <summary>Default 20: how many of the largest keys the result reports.</summary>
    public int TopKeyCount { get; init; } = 20;

    /// <summary>
    /// Counters kept outside the map tasks (for example <c>io.retries</c> of the input layer), read once when the
    /// job ends and added to its counters. Default: none.
    /// </summary>
    public Func<IReadOnlyList<KeyValuePair<string, long>>>? ExternalCounters { get; init; }

    /// <summary>The number of reduce partitions: <see cref="Reducers"/>, else <see cref="Workers"/>.</summary>
    public int EffectiveReducers => Reducers ?? Workers;

    /// <summary>The reader options with <see cref="Strict"/> applied.</summary>
    public WarcReaderOptions EffectiveReaderOptions =>
        Strict && !ReaderOptions.Strict ? ReaderOptions with { Strict = true } : ReaderOptions;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Workers >= 1, nameof(Workers), "must be at least 1");
        Require(EffectiveReducers >= 1, nameof(Reducers), "must be at least 1");
        Require(MemoryBytes >= 1, nameof(MemoryBytes), "must be at least 1");
        Require(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
        Require(MaxFailedFiles is null or >= 0, nameof(MaxFailedFiles), "must not be negative");
        Require(MergeFanIn >= 2, nameof(MergeFanIn), "must be at least 2");
        Require(WarningsPerFile >= 0, nameof(WarningsPerFile), "must not be negative");
        Require(TopKeyCount >= 0, nameof(TopKeyCount), "must not be negative");
        ArgumentNullException.ThrowIfNull(ReaderOptions);
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}", name);
        }
    }
}
