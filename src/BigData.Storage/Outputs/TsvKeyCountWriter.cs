using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace BigData.Storage.Outputs;

/// <summary>
/// Writes <c>key&lt;TAB&gt;count&lt;LF&gt;</c> lines: Hadoop's TextOutputFormat and the Hadoop Streaming text protocol
/// are the same bytes, so this one writer serves TSV part files, spill runs and the streaming executables' stdout.
/// Buffers into a pooled array and formats counts as invariant decimal straight into it (no allocation per line).
/// Keys are written as they are; they must not contain TAB or LF (the job contract), which is only asserted.
/// </summary>
public sealed class TsvKeyCountWriter : IKeyCountWriter
{
    /// <summary>Default buffer size: 64 KiB, large enough that a flush is one sizeable write.</summary>
    public const int DefaultBufferSize = 1 << 16;

    /// <summary>Room for the longest count (<c>-9223372036854775808</c>, 20 bytes), the TAB and the LF.</summary>
    private const int MaxSuffixBytes = 22;

    private readonly Stream _destination;
    private byte[]? _buffer;
    private int _used;

    /// <summary>Creates a writer over <paramref name="destination"/>, which it does not close.</summary>
    public TsvKeyCountWriter(Stream destination, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _destination = destination;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 256));
    }

    /// <summary>Lines written so far.</summary>
    public long LinesWritten { get; private set; }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(TsvKeyCountWriter));
        Debug.Assert(key.IndexOfAny((byte)'\t', (byte)'\n') < 0, "keys never contain TAB or LF");
        if (key.Length + MaxSuffixBytes > buffer.Length - _used)
        {
            Flush();
            if (key.Length + MaxSuffixBytes > buffer.Length)
            {
                // A key longer than the buffer goes straight through; the suffix follows in the buffer.
                _destination.Write(key);
                key = default;
            }
        }

        key.CopyTo(buffer.AsSpan(_used));
        _used += key.Length;
        buffer[_used++] = (byte)'\t';
        var formatted = count.TryFormat(buffer.AsSpan(_used), out var digits, default, CultureInfo.InvariantCulture);
        Debug.Assert(formatted, "the buffer always has room for a count");
        _used += digits;
        buffer[_used++] = (byte)'\n';
        LinesWritten++;
    }

    /// <summary>Writes the buffered lines to the destination (without flushing the destination itself).</summary>
    public void Flush()
    {
        if (_used > 0 && _buffer != null)
        {
            _destination.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_buffer == null, this);
        Flush();
        _destination.Flush();
    }

    /// <summary>
    /// Returns the buffer. Lines not yet flushed are dropped when <see cref="Complete"/> was not called: an abandoned
    /// part must not look finished.
    /// </summary>
    public void Dispose()
    {
        if (_buffer == null)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
