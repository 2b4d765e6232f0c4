using System.IO.Compression;

namespace BigData.Storage.Outputs;

/// <summary>Completes the inner writer, then ends the gzip member; see <see cref="GzipOutputFormat"/>.</summary>
internal sealed class GzipKeyCountWriter(
    IKeyCountWriter inner, CountingWriteStream uncompressed, GZipStream gzip, Stream destination) : IKeyCountWriter
{
    /// <summary>
    /// A gzip member of empty content (what <c>gzip -c &lt;/dev/null</c> writes): header, an empty final deflate
    /// block, CRC-32 and size 0. GZipStream writes nothing at all when nothing was written to it, and an empty
    /// file is not valid gzip (zcat, Hadoop and DuckDB reject it).
    /// </summary>
    private static ReadOnlySpan<byte> EmptyMember =>
        [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

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
        if (uncompressed.BytesWritten == 0)
        {
            destination.Write(EmptyMember);
            destination.Flush();
        }

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
