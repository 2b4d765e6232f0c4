using System.Buffers;
using System.Diagnostics;

namespace BigData.MapReduce.Text;

/// <summary>
/// Reads LF-terminated lines from a stream through a pooled buffer, handing each out as a span valid until the next
/// read: no allocation per line. A CR before the LF stays part of the line. It survives lines of any length: a line longer than <c>maxLineBytes</c> is returned cut to its first
/// bytes seen (at most <see cref="TooLongPrefixBytes"/>) with <c>tooLong</c> set, and the rest of it is skipped, so one huge line
/// costs bounded memory and never ends the task. A last line without LF still counts.
/// </summary>
public sealed class BoundedLineReader : IDisposable
{
    /// <summary>Default buffer size: 64 KiB.</summary>
    public const int DefaultBufferSize = 1 << 16;

    /// <summary>How much of a line that is too long is kept for messages.</summary>
    public const int TooLongPrefixBytes = 256;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _prefix = new byte[TooLongPrefixBytes];
    private byte[]? _buffer;
    private int _start;
    private int _lineStart;
    private int _end;
    private bool _eof;

    /// <summary>
    /// Creates a reader over <paramref name="stream"/> (not closed on dispose) for lines of at most
    /// <paramref name="maxLineBytes"/> bytes, LF excluded.
    /// </summary>
    public BoundedLineReader(Stream stream, int maxLineBytes, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(bufferSize, 16), maxLineBytes + 1));
    }

    /// <summary>Lines returned so far (the 1-based number of the current line).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the current line in the stream.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads the next line without its LF; false at the end of the stream. When <paramref name="tooLong"/> is set,
    /// <paramref name="line"/> holds only the first bytes of a line longer than the limit, whose rest was skipped.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(BoundedLineReader));
        tooLong = false;
        var scanned = 0;
        while (true)
        {
            var pending = buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var lf = pending.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var length = scanned + lf;
                if (length > _maxLineBytes)
                {
                    return SkipLongLine(buffer.AsSpan(_start, length), out line, out tooLong);
                }

                line = buffer.AsSpan(_start, length);
                Advance(length + 1);
                return true;
            }

            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    return false;
                }

                if (scanned > _maxLineBytes)
                {
                    return SkipLongLine(buffer.AsSpan(_start, scanned), out line, out tooLong);
                }

                line = buffer.AsSpan(_start, scanned);
                Advance(scanned);
                return true;
            }

            if (scanned > _maxLineBytes)
            {
                return SkipLongLine(buffer.AsSpan(_start, scanned), out line, out tooLong);
            }

            buffer = Fill();
        }
    }

    /// <summary>
    /// Like <see cref="TryReadLine(out ReadOnlySpan{byte}, out bool)"/>, but as memory, for callers that keep the
    /// current line in a field (a merge cursor). Valid until the next read.
    /// </summary>
    public bool TryReadLineAsMemory(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        if (!TryReadLine(out ReadOnlySpan<byte> span, out tooLong))
        {
            line = default;
            return false;
        }

        line = tooLong ? _prefix.AsMemory(0, span.Length) : _buffer.AsMemory(_lineStart, span.Length);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer != null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>Keeps the start of an over-long line, then discards bytes up to and including its LF.</summary>
    private bool SkipLongLine(ReadOnlySpan<byte> seen, out ReadOnlySpan<byte> line, out bool tooLong)
    {
        var kept = Math.Min(seen.Length, TooLongPrefixBytes);
        seen[..kept].CopyTo(_prefix);
        LineOffset = Position;
        LineNumber++;
        var skipped = 0L;
        var buffer = _buffer!;
        while (true)
        {
            var pending = buffer.AsSpan(_start, _end - _start);
            var lf = pending.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                _start += lf + 1;
                skipped += lf + 1;
                break;
            }

            skipped += pending.Length;
            _start = _end;
            if (_eof)
            {
                break;
            }

            buffer = Fill();
        }

        Position += skipped;
        line = _prefix.AsSpan(0, kept);
        tooLong = true;
        return true;
    }

    private void Advance(int consumed)
    {
        LineOffset = Position;
        Position += consumed;
        _lineStart = _start;
        _start += consumed;
        LineNumber++;
    }

    /// <summary>Moves the partial line to the front (growing the buffer up to the line limit) and reads more bytes.</summary>
    private byte[] Fill()
    {
        var buffer = _buffer!;
        var pending = _end - _start;
        if (pending == buffer.Length)
        {
            // Only reached while the line still fits the limit: the caller skips longer ones first.
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _maxLineBytes + 1L));
            buffer.AsSpan(_start, pending).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }
        else if (_start > 0)
        {
            buffer.AsSpan(_start, pending).CopyTo(buffer);
        }

        _start = 0;
        _end = pending;
        var read = _stream.Read(buffer, _end, buffer.Length - _end);
        Debug.Assert(read >= 0);
        _eof = read == 0;
        _end += read;
        return buffer;
    }
}
