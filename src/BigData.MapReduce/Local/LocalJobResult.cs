using BigData.Warc;

namespace BigData.MapReduce.Local;

/// <summary>A key and its total count (for the summary's top keys).</summary>
/// <param name="Key">The key's bytes.</param>
/// <param name="Count">The total count.</param>
public sealed record KeyCount(byte[] Key, long Count)
{
    /// <summary>The key decoded as UTF-8 (invalid bytes become U+FFFD), for display.</summary>
    public string KeyText => System.Text.Encoding.UTF8.GetString(Key);
}

/// <summary>An input file the job gave up on.</summary>
/// <param name="Location">The file's location.</param>
/// <param name="Message">Why, naming the byte offset where the reader knows it.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="IsDataError">True for damaged or non-archive input (not retried).</param>
public sealed record FailedFile(string Location, string Message, int Attempts, bool IsDataError);

/// <summary>What a successful run of the local runner did.</summary>
public sealed record LocalJobResult
{
    /// <summary>The job's name.</summary>
    public required string JobName { get; init; }

    /// <summary>The job's counters (committed attempts only), sorted by name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Counters { get; init; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Summed time of every map attempt, failed ones included.</summary>
    public required TimeSpan MapTaskTime { get; init; }

    /// <summary>Summed time of every reduce task.</summary>
    public required TimeSpan ReduceTaskTime { get; init; }

    /// <summary>Summed task time (map attempts and reduce tasks): compare with <see cref="Elapsed"/> for parallelism.</summary>
    public TimeSpan TaskTime => MapTaskTime + ReduceTaskTime;

    /// <summary>Input files taken by each map worker (index = worker).</summary>
    public required IReadOnlyList<int> TasksPerWorker { get; init; }

    /// <summary>Map attempts that failed and were discarded (retried or leading to a failed file).</summary>
    public required int FailedAttempts { get; init; }

    /// <summary>Times a map worker's table was spilled to disk because it was full.</summary>
    public required int Spills { get; init; }

    /// <summary>Partitions (reducers) used.</summary>
    public required int Reducers { get; init; }

    /// <summary>The largest keys: count descending, then key ascending.</summary>
    public required IReadOnlyList<KeyCount> TopKeys { get; init; }

    /// <summary>Files the job gave up on, by location.</summary>
    public required IReadOnlyList<FailedFile> FailedFiles { get; init; }

    /// <summary>The first warnings of each committed file (all are counted in <c>warnings.&lt;kind&gt;</c>), by source and offset.</summary>
    public required IReadOnlyList<WarcWarning> Warnings { get; init; }

    /// <summary>Output lines (distinct keys) written.</summary>
    public required long OutputRecords { get; init; }

    /// <summary>Sum of all output counts.</summary>
    public required long OutputCountSum { get; init; }

    /// <summary>Where the output went (a committed location), or null for a stream.</summary>
    public string? OutputLocation { get; init; }

    /// <summary>The value of counter <paramref name="name"/>, 0 when absent.</summary>
    public long Counter(string name)
    {
        foreach (var (key, value) in Counters)
        {
            if (key == name)
            {
                return value;
            }
        }

        return 0;
    }
}
