namespace BigData.MapReduce.Jobs;

/// <summary>What a map task consumes: whole WARC records (headers only) or the raw lines of the uncompressed stream.</summary>
public enum MapInputKind
{
    /// <summary>Record-aware: the runner parses records and calls <see cref="IMapper.MapRecord"/>.</summary>
    WarcRecords,

    /// <summary>Line-oriented: the runner splits the uncompressed stream on LF and calls <see cref="IMapper.MapLine"/>.</summary>
    Lines,
}

/// <summary>
/// A counting MapReduce job: Map emits (key, count) pairs; combine and reduce sum the counts of equal keys
/// (64-bit, associative, commutative). Keys are UTF-8 byte strings compared in ordinal byte order and never
/// contain TAB or LF. A job does no I/O: runners own reading, partitioning, sorting, spilling, retries, counters
/// and writing.
/// </summary>
public interface ICountingJob
{
    /// <summary>The job's name, also the Hadoop counter group (for example <c>warc-uri-count</c>).</summary>
    string Name { get; }

    /// <summary>Which input the mapper wants.</summary>
    MapInputKind InputKind { get; }

    /// <summary>
    /// A mapper for one task attempt. It reports its counters into <paramref name="counters"/>, which belongs to
    /// that attempt alone (no locking needed); the runner merges them only when the attempt succeeds.
    /// </summary>
    IMapper CreateMapper(Counters counters);
}

/// <summary>The map function of one task attempt. Not thread-safe; keeps its scratch buffers between calls.</summary>
public interface IMapper
{
    /// <summary>Maps one complete record (only when <see cref="ICountingJob.InputKind"/> is WarcRecords).</summary>
    void MapRecord(in BigData.Warc.WarcRecord record, IKeyCountCollector output);

    /// <summary>Maps one line without its LF (only when <see cref="ICountingJob.InputKind"/> is Lines).</summary>
    void MapLine(ReadOnlySpan<byte> line, IKeyCountCollector output);
}

/// <summary>Receives map output. Implementations copy the key: the span is only valid during the call.</summary>
public interface IKeyCountCollector
{
    /// <summary>Adds <paramref name="count"/> to <paramref name="key"/>.</summary>
    void Add(ReadOnlySpan<byte> key, long count);
}
