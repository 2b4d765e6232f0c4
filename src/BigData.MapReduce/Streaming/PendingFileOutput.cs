using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Jobs;
using BigData.MapReduce.Text;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// The map output of the one file being read, held back until the file is known to be complete. It combines in a
/// budgeted <see cref="KeyCountTable"/>; when a new key does not fit, the table is written to a temporary run file
/// and emptied. On success the task folds table and run into its own counts; on failure everything is discarded
/// (the run file is deleted), so a file that fails midway leaves nothing behind.
/// </summary>
internal sealed class PendingFileOutput : IKeyCountCollector, IDisposable
{
    private readonly KeyCountTable _table;
    private readonly Func<string> _spillDirectory;
    private string? _spillPath;
    private FileStream? _spillFile;
    private TsvKeyCountWriter? _spillWriter;

    /// <summary>Collects into <paramref name="table"/> (empty, owned by the caller); runs go under <paramref name="spillDirectory"/>().</summary>
    public PendingFileOutput(KeyCountTable table, Func<string> spillDirectory)
    {
        System.Diagnostics.Debug.Assert(table.Count == 0, "a file starts with an empty table");
        _table = table;
        _spillDirectory = spillDirectory;
    }

    /// <summary>Times the table was written to the run file because it was full.</summary>
    public int Spills { get; private set; }

    /// <summary>True when part of the file's counts is in the run file.</summary>
    public bool HasSpill => _spillPath != null;

    /// <inheritdoc />
    public void Add(ReadOnlySpan<byte> key, long count)
    {
        if (!_table.TryAdd(key, count))
        {
            Spill();
            var added = _table.TryAdd(key, count);
            System.Diagnostics.Debug.Assert(added, "an empty table takes any key");
        }
    }

    /// <summary>Closes the run file and reads it back as key-count lines (only when <see cref="HasSpill"/>).</summary>
    public KeyValueReader OpenSpill()
    {
        System.Diagnostics.Debug.Assert(HasSpill);
        CloseWriter();
        var stream = new FileStream(_spillPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return new KeyValueReader(stream);
    }

    /// <summary>Deletes the run file, if any. The table is the caller's to clear.</summary>
    public void Dispose()
    {
        _spillWriter?.Dispose();
        _spillWriter = null;
        _spillFile?.Dispose();
        _spillFile = null;
        if (_spillPath != null)
        {
            try
            {
                File.Delete(_spillPath);
            }
            catch (IOException)
            {
                // The task's scratch directory is deleted as a whole when the task ends.
            }

            _spillPath = null;
        }
    }

    private void Spill()
    {
        if (_spillWriter == null)
        {
            _spillPath = Path.Combine(_spillDirectory(), $"pending-{Guid.NewGuid():N}.kv");
            _spillFile = new FileStream(_spillPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            _spillWriter = KeyValueCodec.CreateWriter(_spillFile);
        }

        foreach (var entry in _table.EnumerateSorted(1))
        {
            _spillWriter.Write(entry.Key, entry.Count);
        }

        _table.Clear();
        Spills++;
    }

    private void CloseWriter()
    {
        if (_spillWriter != null)
        {
            _spillWriter.Complete();
            _spillWriter.Dispose();
            _spillWriter = null;
            _spillFile!.Dispose();
            _spillFile = null;
        }
    }
}
