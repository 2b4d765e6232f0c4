using System.Buffers;

namespace BigData.Warc.Decoding;

/// <summary>
/// Replays bytes already read from <paramref name="inner"/> (its head, read to sniff the content) and then reads on
/// from it, so nothing needs to seek. A decoding error met while reading the head is rethrown once the head has been
/// replayed, at the point in the stream where it happened. A <paramref name="pooledHead"/> goes back to the shared
/// pool on dispose.
/// </summary>
internal sealed class PeekedStream(Stream inner, byte[] head, int headLength, Exception? deferredError = null, bool pooledHead = false)
    : ForwardReadStream
{
    private readonly byte[] _head = head;
    private int _replayed;
    private Exception? _deferredError = deferredError;
    private bool _disposed;

    public override int Read(Span<byte> buffer)
    {
        if (_replayed < headLength)
        {
            int n = Math.Min(buffer.Length, headLength - _replayed);
            _head.AsSpan(_replayed, n).CopyTo(buffer);
            _replayed += n;
            return n;
        }

        if (_deferredError is { } error)
        {
            _deferredError = null;
            throw error;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            inner.Dispose();
            if (pooledHead)
            {
                ArrayPool<byte>.Shared.Return(_head);
            }
        }

        base.Dispose(disposing);
    }
}
