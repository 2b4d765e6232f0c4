using System.Buffers;

namespace BigData.Warc.Buffers;

/// <summary>
/// Holds a copy of a record's header while its block streams through the window (blocks larger than the window):
/// the record returned must stay valid until the next read. Pooled, grows when needed, reused for every such record.
/// </summary>
internal sealed class HeaderCopy : IDisposable
{
    private byte[] _buffer = [];

    /// <summary>Copies <paramref name="bytes"/> and returns the copy (valid until the next call).</summary>
    public ReadOnlySpan<byte> Store(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length < bytes.Length)
        {
            Return();
            _buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        }

        bytes.CopyTo(_buffer);
        return _buffer.AsSpan(0, bytes.Length);
    }

    public void Dispose() => Return();

    private void Return()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
