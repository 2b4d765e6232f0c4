using System.Buffers;
using System.Buffers.Binary;

namespace BigData.Storage.Outputs.Parquet;

/// <summary>A growable byte buffer over <see cref="ArrayPool{T}.Shared"/> arrays, for the values of a row group.</summary>
internal sealed class PooledByteBuffer(int initialCapacity) : IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The written bytes.</summary>
    public ReadOnlySpan<byte> Written => _array.AsSpan(0, Length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void AppendInt32LittleEndian(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);
        Length += sizeof(int);
    }

    public void AppendInt64LittleEndian(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);
        Length += sizeof(long);
    }

    /// <summary>Forgets the content, keeping the array.</summary>
    public void Clear() => Length = 0;

    /// <inheritdoc />
    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private Span<byte> Reserve(int count)
    {
        var needed = checked(Length + count);
        if (needed > _array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _array.Length)));
            _array.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        return _array.AsSpan(Length, count);
    }
}
