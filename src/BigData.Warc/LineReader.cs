using System.Numerics;
using BigData.Warc.Buffers;
using BigData.Warc.Parsing;

namespace BigData.Warc;

/// <summary>
/// Splits an uncompressed stream into lines on LF over a pooled window, for line-oriented jobs (the classic
/// streaming mapper's view of the input). A line is returned without its LF; a CR before the LF is kept. A last line
/// without an LF is still a line.
/// </summary>
/// <remarks>
/// <para>A line longer than the maximum line length (default 1 MiB) is returned cut to its first that-many bytes; the
/// rest of it, up to and including its LF, is skipped, and a <see cref="WarcWarningKinds.LongLine"/> warning is given
/// (in strict mode too: this is documented behaviour, not damage).</para>
/// <para>Damaged compressed data (<see cref="CompressedDataException"/> and the framework's decompression errors)
/// ends the input after the last complete line: the partial line before the damage is dropped and a
/// <see cref="WarcWarningKinds.TruncatedGzip"/> / <see cref="WarcWarningKinds.CorruptGzip"/> warning is given
/// (lenient), or the error is thrown as a <see cref="WarcFormatException"/> (strict). Offsets count uncompressed
/// bytes.</para>
/// </remarks>
public sealed class LineReader : IDisposable
{
    /// <summary>The default maximum line length: 1 MiB.</summary>
    public const int DefaultMaxLineLength = 1 << 20;

    private readonly ByteWindow _window;
    private readonly string _source;
    private readonly Action<WarcWarning>? _onWarning;
    private readonly bool _strict;
    private readonly int _maxLineLength;
    private byte[] _buffer = [];
    private int _next;
    private int _end;
    private int _maskBase = -LineFeeds.BlockSize;
    private ulong _mask;
    private bool _skipRestOfLine;
    private bool _ended;

    /// <summary>
    /// Creates a reader with a window of <paramref name="bufferSize"/> bytes (default 1 MiB, at least 64) and the
    /// default maximum line length (1 MiB).
    /// </summary>
    public LineReader(Stream uncompressed, string source, int bufferSize = 1 << 20, Action<WarcWarning>? onWarning = null, bool strict = false)
        : this(uncompressed, source, bufferSize, onWarning, strict, DefaultMaxLineLength)
    {
    }

    /// <summary>As the other constructor, with lines cut at <paramref name="maxLineLength"/> bytes (at least 1).</summary>
    public LineReader(Stream uncompressed, string source, int bufferSize, Action<WarcWarning>? onWarning, bool strict, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(uncompressed);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineLength);
        _source = source;
        _onWarning = onWarning;
        _strict = strict;
        _maxLineLength = maxLineLength;
        _window = new ByteWindow(uncompressed, Math.Max(WarcReader.MinBufferSize, bufferSize));
    }

    /// <summary>Bytes of the uncompressed stream consumed so far (at the end: all of them).</summary>
    public long Position => _window.Offset + (_next - _window.Start);

    /// <summary>
    /// Reads the next line (without its LF); the span is valid until the next call. False at the end of input.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        // Fast path: the whole line is already buffered. Lines are handed out from the buffer directly (the window
        // learns what was consumed only when it has to read more), and LFs are found 64 bytes at a time: every
        // byte before _maskBase + 64 has been scanned and _mask holds the LFs of that block not yet handed out.
        while (true)
        {
            if (_mask != 0)
            {
                int lf = _maskBase + BitOperations.TrailingZeroCount(_mask);
                _mask &= _mask - 1;
                int length = lf - _next;
                if (length > _maxLineLength)
                {
                    break;
                }

                line = new ReadOnlySpan<byte>(_buffer, _next, length);
                _next = lf + 1;
                return true;
            }

            int block = _maskBase + LineFeeds.BlockSize;
            if (block + LineFeeds.BlockSize > _end || block - _next > _maxLineLength)
            {
                break;
            }

            _maskBase = block;
            _mask = LineFeeds.Mask(new ReadOnlySpan<byte>(_buffer, block, LineFeeds.BlockSize));
        }

        return ReadLineSlowly(out line);
    }

    private bool ReadLineSlowly(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_ended)
        {
            return false;
        }

        _window.Advance(_next - _window.Start);
        if (_skipRestOfLine)
        {
            _skipRestOfLine = false;
            SkipRestOfLine();
        }

        int searched = 0;
        while (true)
        {
            var data = _window.Data;
            var candidate = data[..Math.Min(data.Length, _maxLineLength + 1)];
            int lf = candidate[searched..].IndexOf((byte)'\n');
            if (lf >= 0)
            {
                line = data[..(searched + lf)];
                Handed(searched + lf + 1);
                return true;
            }

            if (candidate.Length > _maxLineLength)
            {
                // No LF within the limit: hand out the first part, skip the rest on the next call.
                _onWarning?.Invoke(new WarcWarning(
                    _source,
                    _window.Offset,
                    WarcWarningKinds.LongLine,
                    $"line longer than {_maxLineLength} bytes cut to its first {_maxLineLength} bytes"));
                line = data[.._maxLineLength];
                Handed(_maxLineLength);
                _skipRestOfLine = true;
                _maskBase = _end; // the next call must take the slow path, which skips the rest of the line
                return true;
            }

            searched = candidate.Length;
            if (!_window.ReadMore())
            {
                return LastLine(out line);
            }
        }
    }

    /// <summary>Notes that <paramref name="length"/> bytes from the window start were handed out; refreshes the fast-path view.</summary>
    private void Handed(int length)
    {
        _buffer = _window.Buffer;
        _end = _window.End;
        _next = _window.Start + length;
        _mask = 0;
        _maskBase = _next - LineFeeds.BlockSize;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ended = true;
        _buffer = [];
        _next = _end = 0;
        _window.Dispose();
    }

    /// <summary>The input has ended: what is left is a last line without LF, unless damage cut it.</summary>
    private bool LastLine(out ReadOnlySpan<byte> line)
    {
        line = _window.Data;
        if (_window.Damage is { } damage)
        {
            _window.Advance(_window.Available);
            Handed(0);
            _ended = true;
            if (_strict)
            {
                throw damage.ToException(_source);
            }

            _onWarning?.Invoke(new WarcWarning(_source, damage.Offset, damage.Kind, damage.Message));
            line = default;
            return false;
        }

        if (line.IsEmpty)
        {
            Handed(0);
            _ended = true;
            return false;
        }

        Handed(line.Length);
        return true;
    }

    private void SkipRestOfLine()
    {
        while (true)
        {
            var data = _window.Data;
            int lf = data.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                _window.Advance(lf + 1);
                return;
            }

            _window.Advance(data.Length);
            if (!_window.ReadMore())
            {
                return;
            }
        }
    }
}
