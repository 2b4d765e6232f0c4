using System.Buffers;
using System.Diagnostics;
using System.Numerics;

namespace BigData.MapReduce.Aggregation;

/// <summary>
/// Append-only storage for key bytes in pooled chunks, so a table of millions of keys holds a few large arrays
/// instead of an object per key. A key is addressed by (chunk, offset, length). Keys longer than a chunk get a
/// chunk of their own.
/// </summary>
internal sealed class KeyArena : IDisposable
{
    private readonly int _chunkSize;
    private readonly List<byte[]> _chunks = [];
    private int _current = -1;
    private int _used;

    /// <summary>Creates an arena whose regular chunks are <paramref name="chunkSize"/> bytes.</summary>
    public KeyArena(int chunkSize)
    {
        Debug.Assert(BitOperations.IsPow2(chunkSize), "pooled arrays come in powers of two");
        _chunkSize = chunkSize;
    }

    /// <summary>Bytes held in chunks (what the arena costs, used or not).</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>How many more bytes storing a key of <paramref name="length"/> bytes would allocate (0 when it fits).</summary>
    public long GrowthFor(int length)
    {
        if (_current >= 0 && _chunks[_current].Length - _used >= length)
        {
            return 0;
        }

        // The pool hands out power-of-two arrays, so that is what an oversized key costs.
        return length > _chunkSize ? (long)BitOperations.RoundUpToPowerOf2((uint)length) : _chunkSize;
    }

    /// <summary>Copies <paramref name="key"/> into the arena and returns its address.</summary>
    public (int Chunk, int Offset) Append(ReadOnlySpan<byte> key)
    {
        if (_current < 0 || _chunks[_current].Length - _used < key.Length)
        {
            var chunk = ArrayPool<byte>.Shared.Rent(Math.Max(key.Length, _chunkSize));
            _chunks.Add(chunk);
            AllocatedBytes += chunk.Length;
            if (key.Length > _chunkSize)
            {
                // An oversized key fills a chunk of its own; the current regular chunk stays current.
                key.CopyTo(chunk);
                return (_chunks.Count - 1, 0);
            }

            _current = _chunks.Count - 1;
            _used = 0;
        }

        var offset = _used;
        key.CopyTo(_chunks[_current].AsSpan(offset));
        _used += key.Length;
        return (_current, offset);
    }

    /// <summary>The bytes of the key at the given address.</summary>
    public ReadOnlySpan<byte> Get(int chunk, int offset, int length) => _chunks[chunk].AsSpan(offset, length);

    /// <summary>Forgets every key and returns all chunks to the pool.</summary>
    public void Clear()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _current = -1;
        _used = 0;
        AllocatedBytes = 0;
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
