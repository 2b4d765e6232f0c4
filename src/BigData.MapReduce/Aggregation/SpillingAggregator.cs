using BigData.MapReduce.Jobs;
using BigData.MapReduce.Text;

namespace BigData.MapReduce.Aggregation;

/// <summary>
/// The map side of one task attempt: combines map output in memory (summing equal keys in a
/// <see cref="KeyCountTable"/>) within a byte budget. When a new key does not fit, the table is spilled as one
/// sorted run per partition into the attempt's directory, cleared, and combining goes on; <see cref="Complete"/>
/// writes what is left as the final runs. Results do not depend on the budget: only how many runs there are does.
/// The runs belong to the attempt: the runner uses them only if the attempt commits.
/// </summary>
public sealed class SpillingAggregator : IKeyCountCollector, IDisposable
{
    private readonly string _directory;
    private readonly int _partitions;
    private readonly int _writeBufferSize;
    private readonly KeyCountTable _table;
    private readonly List<RunFile> _runs = [];
    private int _batches;
    private bool _completed;

    /// <summary>
    /// Creates an aggregator writing runs for <paramref name="partitions"/> reducers into <paramref name="directory"/>
    /// (created if missing), holding at most about <paramref name="memoryBytes"/> of keys and counts.
    /// </summary>
    public SpillingAggregator(string directory, int partitions, long memoryBytes, int writeBufferSize = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBytes, 1);
        _directory = directory;
        _partitions = partitions;
        _writeBufferSize = writeBufferSize;
        _table = new KeyCountTable(memoryBytes);
        Directory.CreateDirectory(directory);
    }

    /// <summary>How many times the table was written out because it was full (final runs not included).</summary>
    public int SpillCount { get; private set; }

    /// <summary>Distinct keys currently held in memory.</summary>
    public int KeysInMemory => _table.Count;

    /// <summary>Bytes the in-memory table holds now.</summary>
    public long EstimatedBytes => _table.EstimatedBytes;

    /// <inheritdoc />
    public void Add(ReadOnlySpan<byte> key, long count)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_table.TryAdd(key, count))
        {
            SpillCount++;
            WriteRuns();
            var added = _table.TryAdd(key, count);
            System.Diagnostics.Debug.Assert(added, "an empty table takes any key");
        }
    }

    /// <summary>Writes the keys still in memory as the final runs and returns every run, in creation order.</summary>
    public IReadOnlyList<RunFile> Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        WriteRuns();
        _completed = true;
        _table.Dispose();
        return _runs;
    }

    /// <summary>Returns the table's memory; runs already written stay on disk (the runner owns the directory).</summary>
    public void Dispose()
    {
        _completed = true;
        _table.Dispose();
    }

    /// <summary>Writes one run per non-empty partition, sorted by key, then empties the table.</summary>
    private void WriteRuns()
    {
        if (_table.Count == 0)
        {
            return;
        }

        var batch = _batches++;
        FileStream? file = null;
        Storage.Outputs.TsvKeyCountWriter? writer = null;
        var partition = -1;
        long records = 0;
        string? path = null;
        try
        {
            foreach (var entry in _table.EnumerateSorted(_partitions))
            {
                if (entry.Partition != partition)
                {
                    CloseRun();
                    partition = entry.Partition;
                    path = Path.Combine(_directory, $"spill-{batch:D5}-part-{partition:D5}.kv");
                    file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
                    writer = KeyValueCodec.CreateWriter(file, _writeBufferSize);
                }

                writer!.Write(entry.Key, entry.Count);
                records++;
            }

            CloseRun();
        }
        finally
        {
            writer?.Dispose();
            file?.Dispose();
        }

        _table.Clear();

        void CloseRun()
        {
            if (writer == null)
            {
                return;
            }

            writer.Complete();
            writer.Dispose();
            file!.Dispose();
            _runs.Add(new RunFile(partition, path!, records));
            writer = null;
            file = null;
            records = 0;
        }
    }
}
