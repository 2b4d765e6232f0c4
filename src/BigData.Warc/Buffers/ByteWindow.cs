using System.Buffers;
using System.Diagnostics;

namespace BigData.Warc.Buffers;

/// <summary>
/// A pooled read window over a forward-only stream. The unconsumed bytes (<see cref="Data"/>) start at
/// <see cref="Offset"/> in the stream; reads go straight into the free tail, as large as it is. Up to
/// <see cref="HistoryBytes"/> consumed bytes before the start stay readable (<see cref="DataWithHistory"/>) so
/// scans can look behind.
/// </summary>
/// <remarks>
/// <see cref="Ensure"/> has deterministic semantics: it returns true exactly when <c>count</c> bytes are buffered
/// and false only at the end of input, whatever sizes the underlying reads return. Parsers that decide only from
/// bytes below a count they ensured therefore give the same results for any read chunking.
/// A decompression error met while reading becomes <see cref="Damage"/> and the end of input.
/// </remarks>
internal sealed class ByteWindow : IDisposable
{
    /// <summary>How many consumed bytes are kept in front of the start when the window is compacted.</summary>
    public const int HistoryBytes = 4;

    /// <summary>A free tail smaller than this fraction of the buffer is not worth reading into: compact first.</summary>
    private const int MinTailFraction = 8;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _atEnd;

    public ByteWindow(Stream stream, int capacity)
    {
        Debug.Assert(capacity >= 16, "window too small");
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <summary>The current buffer (replaced when the window grows); for hot loops that index it directly.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Index in <see cref="Buffer"/> of the first unconsumed byte.</summary>
    public int Start => _start;

    /// <summary>Index in <see cref="Buffer"/> just past the buffered bytes.</summary>
    public int End => _end;

    /// <summary>Unconsumed bytes in the window.</summary>
    public int Available => _end - _start;

    /// <summary>Offset in the stream of the first unconsumed byte.</summary>
    public long Offset => _bufferOffset + _start;

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead => _bufferOffset + _end;

    /// <summary>True once the stream has no more bytes (or broke with <see cref="Damage"/>).</summary>
    public bool AtEnd => _atEnd;

    /// <summary>The decompression error that ended the input early, if any.</summary>
    public InputDamage? Damage { get; private set; }

    /// <summary>The unconsumed bytes.</summary>
    public ReadOnlySpan<byte> Data => new(_buffer, _start, _end - _start);

    /// <summary>
    /// The unconsumed bytes preceded by the kept history; <paramref name="historyLength"/> is how many bytes of
    /// history lead the span (fewer than <see cref="HistoryBytes"/> only near the start of the stream).
    /// </summary>
    public ReadOnlySpan<byte> DataWithHistory(out int historyLength)
    {
        historyLength = Math.Min(_start, HistoryBytes);
        return new(_buffer, _start - historyLength, _end - _start + historyLength);
    }

    /// <summary>Consumes <paramref name="count"/> buffered bytes.</summary>
    public void Advance(int count)
    {
        Debug.Assert(count >= 0 && count <= Available, "advance within the buffered bytes");
        _start += count;
    }

    /// <summary>
    /// Makes at least <paramref name="count"/> unconsumed bytes available, growing the window if it is too small.
    /// False only when the stream ends first (then everything up to the end is buffered).
    /// </summary>
    public bool Ensure(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_atEnd)
        {
            return false;
        }

        MakeRoom(count);
        while (_end - _start < count && !_atEnd)
        {
            FillOnce();
        }

        return _end - _start >= count;
    }

    /// <summary>Buffers at least one more byte unless the stream has ended; false at the end.</summary>
    public bool ReadMore() => Ensure(Available + 1);

    /// <summary>
    /// Consumes <paramref name="count"/> bytes, reading and discarding through the window when they are not
    /// buffered. Returns how many were consumed (fewer only at the end of input).
    /// </summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (true)
        {
            int take = (int)Math.Min(Available, count - skipped);
            _start += take;
            skipped += take;
            if (skipped == count || !ReadMore())
            {
                return skipped;
            }
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Makes sure <paramref name="count"/> bytes fit after the start: grows the buffer when it is too small, and
    /// compacts (moves the unconsumed bytes and the history to the front) only when the free tail cannot take the
    /// missing bytes or has become too small for efficient reads. Compacting on every refill would copy the
    /// buffered part of the current record each time, a cost per record rather than per window.
    /// </summary>
    private void MakeRoom(int count)
    {
        int keep = Math.Min(_start, HistoryBytes);
        int needed = keep + count;
        if (needed > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * _buffer.Length)));
            System.Buffer.BlockCopy(_buffer, _start - keep, bigger, 0, _end - _start + keep);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else
        {
            int tail = _buffer.Length - _end;
            if (_start <= keep || (tail >= count - Available && tail >= _buffer.Length / MinTailFraction))
            {
                return;
            }

            System.Buffer.BlockCopy(_buffer, _start - keep, _buffer, 0, _end - _start + keep);
        }

        _bufferOffset += _start - keep;
        _end -= _start - keep;
        _start = keep;
    }

    private void FillOnce()
    {
        Debug.Assert(_end < _buffer.Length, "room to read into");
        int n;
        try
        {
            n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception e) when (InputDamage.From(e, BytesRead) is { } damage)
        {
            Damage = damage;
            _atEnd = true;
            return;
        }

        if (n <= 0)
        {
            _atEnd = true;
            return;
        }

        _end += n;
    }
}
