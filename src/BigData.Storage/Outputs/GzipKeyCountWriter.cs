using System.IO.Compression;

namespace BigData.Storage.Outputs;

/// <summary>Completes the inner writer, then ends the gzip member; see <see cref="GzipOutputFormat"/>.</summary>
internal sealed class GzipKeyCountWriter(IKeyCountWriter inner, GZipStream gzip) : IKeyCountWriter
{
    private bool _completed;

    /// <inheritdoc />
    public long InvalidUtf8Keys => inner.InvalidUtf8Keys;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count) => inner.Write(key, count);

    /// <inheritdoc />
    public void Complete()
    {
        WriterState.ThrowIfCompleted(_completed);
        inner.Complete();

        // The inner writer is finished before the gzip member ends, so nothing it might flush on its own Dispose can
        // reach a closed GZipStream. Disposing the GZipStream writes the gzip trailer; the destination stays open.
        inner.Dispose();
        gzip.Dispose();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_completed)
        {
            inner.Dispose();
            gzip.Dispose();
        }
    }
}
