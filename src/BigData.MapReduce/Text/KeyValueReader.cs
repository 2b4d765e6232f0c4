using System.Buffers;
using System.Diagnostics;

namespace BigData.MapReduce.Text;

/// <summary>
/// Reads <c>key&lt;TAB&gt;count</c> lines (Hadoop Streaming's text protocol) from a stream: the lines come from a
/// <see cref="BoundedLineReader"/> (pooled, no allocation per line), and a line longer than
/// <see cref="MaxLineBytes"/> is not a key-value line, so reading it throws. Used for spill runs by the local runner
/// and for held-back map output by the streaming executables.
/// </summary>
public sealed class KeyValueReader : IDisposable
{
    /// <summary>Default buffer size: 64 KiB.</summary>
    public const int DefaultBufferSize = BoundedLineReader.DefaultBufferSize;

    /// <summary>A line longer than this (256 MiB) is not a key-value line; reading it throws.</summary>
    public const int MaxLineBytes = 1 << 28;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly BoundedLineReader _lines;

    /// <summary>Creates a reader over <paramref name="stream"/>; it closes the stream on dispose unless <paramref name="leaveOpen"/>.</summary>
    public KeyValueReader(Stream stream, int bufferSize = DefaultBufferSize, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _lines = new BoundedLineReader(stream, MaxLineBytes, bufferSize);
    }

    /// <summary>Number of lines returned so far (the 1-based number of the current line).</summary>
    public long LineNumber => _lines.LineNumber;

    /// <summary>Byte offset in the stream where the current line starts.</summary>
    public long LineOffset => _lines.LineOffset;

    /// <summary>Byte offset in the stream of the first byte not yet returned.</summary>
    public long Position => _lines.Position;

    /// <summary>Reads the next line without its LF. Returns false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (!_lines.TryReadLine(out line, out var tooLong))
        {
            return false;
        }

        return !tooLong ? true : throw TooLong();
    }

    /// <summary>
    /// Like <see cref="TryReadLine(out ReadOnlySpan{byte})"/>, but as memory over the reader's buffer, for callers that
    /// keep the current line in a field (a merge cursor). Valid until the next read.
    /// </summary>
    public bool TryReadLineAsMemory(out ReadOnlyMemory<byte> line)
    {
        if (!_lines.TryReadLineAsMemory(out line, out var tooLong))
        {
            return false;
        }

        return !tooLong ? true : throw TooLong();
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
        _lines.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private InvalidDataException TooLong() =>
        new($"line {LineNumber} at byte {LineOffset} is longer than {MaxLineBytes} bytes");
}
