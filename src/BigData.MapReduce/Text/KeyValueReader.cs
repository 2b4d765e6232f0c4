using System.Buffers;
using System.Diagnostics;

namespace BigData.MapReduce.Text;

/// <summary>
/// Reads LF-terminated lines from a stream through a pooled buffer, handing each out as a span that stays valid
/// until the next read: no allocation per line. A line is the bytes before an LF, exactly (a CR stays part of it,
/// as the protocol has no CR); a last line without LF still counts. The buffer grows for lines longer than it, up
/// to <see cref="MaxLineBytes"/>. Used for spill runs by the local runner and for stdin by the streaming executables.
/// </summary>
public sealed class KeyValueReader : IDisposable
{
    /// <summary>Default buffer size: 64 KiB.</summary>
    public const int DefaultBufferSize = 1 << 16;

    /// <summary>A line longer than this (256 MiB) is not a key-value line; reading it throws.</summary>
    public const int MaxLineBytes = 1 << 28;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[]? _buffer;
    private int _start;
    private int _lineStart;
    private int _end;
    private bool _eof;

    /// <summary>Creates a reader over <paramref name="stream"/>; it closes the stream on dispose unless <paramref name="leaveOpen"/>.</summary>
    public KeyValueReader(Stream stream, int bufferSize = DefaultBufferSize, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 16));
    }

    /// <summary>Number of lines returned so far (the 1-based number of the current line).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the stream where the current line starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Byte offset in the stream of the first byte not yet returned.</summary>
    public long Position { get; private set; }

    /// <summary>Reads the next line without its LF. Returns false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(KeyValueReader));
        var scanFrom = _start;
        while (true)
        {
            var newline = buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf(KeyValueCodec.LineFeed);
            if (newline >= 0)
            {
                var length = scanFrom - _start + newline;
                line = buffer.AsSpan(_start, length);
                Advance(length + 1);
                return true;
            }

            if (_eof)
            {
                if (_end == _start)
                {
                    line = default;
                    return false;
                }

                var length = _end - _start;
                line = buffer.AsSpan(_start, length);
                Advance(length);
                return true;
            }

            scanFrom = _end - _start;
            buffer = Fill();
            scanFrom += _start;
        }
    }

    /// <summary>
    /// Like <see cref="TryReadLine(out ReadOnlySpan{byte})"/>, but as memory over the reader's buffer, for callers that
    /// keep the current line in a field (a merge cursor). Valid until the next read.
    /// </summary>
    public bool TryReadLineAsMemory(out ReadOnlyMemory<byte> line)
    {
        if (!TryReadLine(out var span))
        {
            line = default;
            return false;
        }

        line = new ReadOnlyMemory<byte>(_buffer, _lineStart, span.Length);
        return true;
    }

    /// <summary>
    /// Reads and parses the next line. Returns false at the end of the stream; otherwise <paramref name="result"/>
    /// says whether the line was well formed (see <see cref="KeyValueCodec.Parse"/>).
    /// </summary>
    public bool TryRead(out ReadOnlySpan<byte> key, out long count, out KeyValueParseResult result)
    {
        if (!TryReadLine(out var line))
        {
            key = default;
            count = 0;
            result = KeyValueParseResult.Ok;
            return false;
        }

        result = KeyValueCodec.Parse(line, out key, out count);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer == null)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Advance(int consumed)
    {
        LineOffset = Position;
        Position += consumed;
        _lineStart = _start;
        _start += consumed;
        LineNumber++;
    }

    /// <summary>Moves the partial line to the front (growing the buffer if it is full) and reads more bytes.</summary>
    private byte[] Fill()
    {
        var buffer = _buffer!;
        var pending = _end - _start;
        if (pending == buffer.Length)
        {
            if (buffer.Length >= MaxLineBytes)
            {
                throw new InvalidDataException($"line {LineNumber + 1} at byte {Position} is longer than {MaxLineBytes} bytes");
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes));
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
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        return buffer;
    }
}
