using BigData.MapReduce.Text;

namespace BigData.MapReduce.Merging;

/// <summary>The current (key, count) of one sorted run being merged. The key is valid until <see cref="MoveNext"/>.</summary>
internal sealed class RunCursor : IDisposable
{
    private readonly KeyValueReader _reader;

    public RunCursor(string path, int order, int bufferSize)
    {
        Path = path;
        Order = order;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _reader = new KeyValueReader(stream, bufferSize);
    }

    /// <summary>The run file.</summary>
    public string Path { get; }

    /// <summary>Position among the merged runs; breaks ties between equal keys so merging is deterministic.</summary>
    public int Order { get; }

    /// <summary>The current key.</summary>
    public ReadOnlyMemory<byte> Key { get; private set; }

    /// <summary>The current count.</summary>
    public long Count { get; private set; }

    /// <summary>Moves to the next line; false at the end of the run. A malformed line means a damaged run: it throws.</summary>
    public bool MoveNext()
    {
        if (!_reader.TryReadLineAsMemory(out var line))
        {
            Key = default;
            return false;
        }

        var result = KeyValueCodec.Parse(line.Span, out var key, out var count);
        if (result != KeyValueParseResult.Ok)
        {
            throw new InvalidDataException(
                $"sorted run {Path} is damaged: line {_reader.LineNumber} at byte {_reader.LineOffset} is {result}");
        }

        Key = line[..key.Length];
        Count = count;
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}

/// <summary>Orders cursors by current key (ordinal bytes), then by run order.</summary>
internal sealed class RunCursorComparer : IComparer<RunCursor>
{
    public static RunCursorComparer Instance { get; } = new();

    public int Compare(RunCursor? x, RunCursor? y)
    {
        var byKey = x!.Key.Span.SequenceCompareTo(y!.Key.Span);
        return byKey != 0 ? byKey : x.Order.CompareTo(y.Order);
    }
}
