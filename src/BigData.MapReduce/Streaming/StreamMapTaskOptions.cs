using BigData.Warc;

namespace BigData.MapReduce.Streaming;

/// <summary>How a streaming map task runs. Immutable; every default is stated.</summary>
public sealed record StreamMapTaskOptions
{
    /// <summary>All defaults.</summary>
    public static StreamMapTaskOptions Default { get; } = new();

    /// <summary>
    /// Default 256 MiB: the in-memory combining budget of the task. A streaming task shares its YARN container with
    /// the task's JVM, so the default is smaller than the local runner's 1 GiB. Half of it holds the task's combined
    /// counts, which are written to stdout early when full (and the table starts again); the other half holds the file
    /// being read, which spills to a temporary file when full so that a file failing midway never leaves counts behind.
    /// </summary>
    public long MemoryBytes { get; init; } = 256L << 20;

    /// <summary>
    /// Default 2: attempts per input file in the locations style, for failures that may be transient (I/O, network).
    /// Damaged or non-archive input fails at once. A stdin stream (warc style) cannot be read twice: one attempt.
    /// </summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>
    /// Default <c>null</c>: any number of failed files is tolerated (they are counted in <c>files.failed</c> and
    /// named on stderr). A number: the task fails (exit non-zero, so Hadoop retries it and eventually fails the job)
    /// as soon as more of its files than this have failed. A task sees only its own files, so the limit is per task.
    /// </summary>
    public int? MaxFailedFiles { get; init; }

    /// <summary>Default <c>false</c> (lenient). <c>true</c> makes the reader strict whatever <see cref="ReaderOptions"/> says.</summary>
    public bool Strict { get; init; }

    /// <summary>Default <see cref="WarcReaderOptions.Default"/>: how archives are read (the warc style turns Content-Length trust off).</summary>
    public WarcReaderOptions ReaderOptions { get; init; } = WarcReaderOptions.Default;

    /// <summary>Default <c>null</c>, meaning <see cref="Path.GetTempPath"/>: where a file that outgrows its memory spills.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Default 20: warnings written to stderr per input file (all are counted in <c>warnings.&lt;kind&gt;</c>).</summary>
    public int WarningsPerFile { get; init; } = 20;

    /// <summary>The reader options with <see cref="Strict"/> applied.</summary>
    public WarcReaderOptions EffectiveReaderOptions =>
        Strict && !ReaderOptions.Strict ? ReaderOptions with { Strict = true } : ReaderOptions;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (MemoryBytes < 2)
        {
            throw new ArgumentException("MemoryBytes must be at least 2", nameof(MemoryBytes));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentException("MaxAttempts must be at least 1", nameof(MaxAttempts));
        }

        if (MaxFailedFiles is < 0)
        {
            throw new ArgumentException("MaxFailedFiles must not be negative", nameof(MaxFailedFiles));
        }

        if (WarningsPerFile < 0)
        {
            throw new ArgumentException("WarningsPerFile must not be negative", nameof(WarningsPerFile));
        }

        ArgumentNullException.ThrowIfNull(ReaderOptions);
    }
}
