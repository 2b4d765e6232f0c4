namespace BigData.Warc;

// TEMPORARY (runtime branch): the reader constructors and LineReader named in the contracts, stubbed so that the
// MapReduce runtime's default input reader compiles before the reader branch lands. DELETE THIS FILE when merging
// the reader branch: its real WarcReader constructor and LineReader replace these one for one.

public sealed partial class WarcReader
{
    /// <summary>CONTRACT stub: reads records of <paramref name="uncompressed"/>, stamping them with <paramref name="source"/>.</summary>
    public WarcReader(Stream uncompressed, string source, WarcReaderOptions? options = null, Action<WarcWarning>? onWarning = null)
    {
        _ = (uncompressed, source, options, onWarning);
        throw new NotImplementedException("WarcReader is provided by the reader branch");
    }
}

/// <summary>CONTRACT stub: splits an uncompressed stream on LF into lines over a pooled window.</summary>
public sealed class LineReader : IDisposable
{
    /// <summary>CONTRACT stub.</summary>
    public LineReader(Stream uncompressed, string source, int bufferSize = 1 << 20, Action<WarcWarning>? onWarning = null, bool strict = false)
    {
        _ = (uncompressed, source, bufferSize, onWarning, strict);
        throw new NotImplementedException("LineReader is provided by the reader branch");
    }

    /// <summary>Bytes of the uncompressed stream consumed so far.</summary>
    public long Position => throw new NotImplementedException();

    /// <summary>Reads the next line without its LF; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
