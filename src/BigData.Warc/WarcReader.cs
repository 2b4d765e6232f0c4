namespace BigData.Warc;

/// <summary>
/// A forward-only WARC record reader over an uncompressed stream (see <see cref="ArchiveDecoder"/>), reading into a
/// pooled window and skipping each block without copying it. Returns only complete records.
/// </summary>
public sealed partial class WarcReader : IDisposable
{
    /// <summary>Bytes of the uncompressed stream consumed so far.</summary>
    public long Position { get; private set; }

    // CONTRACT (to be implemented; keep these signatures):
    // public WarcReader(Stream uncompressed, string source, WarcReaderOptions? options = null, Action<WarcWarning>? onWarning = null)

    /// <summary>
    /// Reads the next complete record, skipping the previous one's block. Returns false at the end of the stream.
    /// Lenient mode reports damage through the warning callback and resynchronises; strict mode throws
    /// <see cref="WarcFormatException"/>.
    /// </summary>
    public bool TryRead(out WarcRecord record) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
