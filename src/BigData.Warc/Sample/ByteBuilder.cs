using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;

namespace BigData.Warc.Sample;

/// <summary>
/// A growable byte buffer over <see cref="ArrayPool{T}"/>, reused across records so generating a page allocates
/// nothing once the buffers have grown to the largest page.
/// </summary>
internal sealed class ByteBuilder : IDisposable
{
    private byte[] _buffer;

    public ByteBuilder(int initialCapacity) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(byte b)
    {
        EnsureFree(1);
        _buffer[Length++] = b;
    }

    /// <summary>Appends one ASCII character.</summary>
    public void Append(char c)
    {
        Debug.Assert(c < 0x80, "the generator writes ASCII only");
        Append((byte)c);
    }

    /// <summary>Appends ASCII text (host names, paths made of ASCII); non-ASCII would be a generator bug.</summary>
    public void AppendAscii(string text)
    {
        EnsureFree(text.Length);
        var dest = _buffer.AsSpan(Length, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            Debug.Assert(text[i] < 0x80, "the generator writes ASCII only");
            dest[i] = (byte)text[i];
        }

        Length += text.Length;
    }

    public void AppendNumber(long value)
    {
        EnsureFree(20);
        var ok = Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var written);
        Debug.Assert(ok);
        Length += written;
    }

    /// <summary>Appends <paramref name="value"/> with at least <paramref name="digits"/> digits (leading zeros).</summary>
    public void AppendNumber(long value, int digits)
    {
        EnsureFree(Math.Max(20, digits));
        var ok = Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var written, new StandardFormat('D', (byte)digits));
        Debug.Assert(ok);
        Length += written;
    }

    /// <summary>Appends <paramref name="value"/> as lower-case hex, at least <paramref name="digits"/> digits.</summary>
    public void AppendHex(ulong value, int digits)
    {
        EnsureFree(Math.Max(16, digits));
        var ok = Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var written, new StandardFormat('x', (byte)digits));
        Debug.Assert(ok);
        Length += written;
    }

    /// <summary>Upper-cases the ASCII letter at <paramref name="index"/> (capitalising a word just written).</summary>
    public void UpperAt(int index)
    {
        var b = _buffer[index];
        if (b is >= (byte)'a' and <= (byte)'z')
        {
            _buffer[index] = (byte)(b - 32);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }

    private void EnsureFree(int count)
    {
        if (_buffer.Length - Length >= count)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + count));
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
