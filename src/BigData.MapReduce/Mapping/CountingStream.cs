using BigData.Warc.Decoding;

namespace BigData.MapReduce.Mapping;

/// <summary>
/// A forward-only read wrapper that counts the raw bytes read (the <c>bytes.read</c> counter), reports them to a
/// progress callback as they arrive, and stops a cancelled attempt at its next read.
/// </summary>
internal sealed class CountingStream(Stream inner, Action<long>? onRead, CancellationToken cancellation) : ForwardReadStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        return Counted(inner.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        if (read > 0)
        {
            BytesRead += read;
            onRead?.Invoke(read);
        }

        return read;
    }
}
