using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Streaming;

/// <summary>
/// Writes <c>key&lt;separator&gt;count&lt;LF&gt;</c> lines for a streaming task whose job sets a field separator other
/// than TAB (<c>stream.map.output.field.separator</c> and friends). With the default TAB, use
/// <see cref="Create"/>, which returns the shared <see cref="TsvKeyCountWriter"/>.
/// </summary>
public sealed class SeparatedKeyCountWriter : IKeyCountWriter
{
    /// <summary>Room for the longest count (20 bytes) and the LF.</summary>
    private const int MaxCountBytes = 21;

    private readonly Stream _destination;
    private readonly byte[] _separator;
    private byte[]? _buffer;
    private int _used;

    /// <summary>Creates a writer over <paramref name="destination"/> (not closed) with a non-empty <paramref name="separator"/>.</summary>
    public SeparatedKeyCountWriter(Stream destination, ReadOnlySpan<byte> separator, int bufferSize = TsvKeyCountWriter.DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (separator.IsEmpty)
        {
            throw new ArgumentException("the field separator must not be empty", nameof(separator));
        }

        _destination = destination;
        _separator = separator.ToArray();
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 256 + _separator.Length));
    }

    /// <summary>A writer for <paramref name="separator"/>: the TSV writer for TAB, this class otherwise.</summary>
    public static IKeyCountWriter Create(Stream destination, string separator) =>
        separator == HadoopTaskEnvironment.DefaultSeparator
            ? new TsvKeyCountWriter(destination)
            : new SeparatedKeyCountWriter(destination, HadoopTaskEnvironment.SeparatorBytes(separator));

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(SeparatedKeyCountWriter));
        Debug.Assert(key.IndexOf((byte)'\n') < 0, "keys never contain LF");
        var suffix = _separator.Length + MaxCountBytes;
        if (key.Length + suffix > buffer.Length - _used)
        {
            Flush();
            if (key.Length + suffix > buffer.Length)
            {
                _destination.Write(key);
                key = default;
            }
        }

        key.CopyTo(buffer.AsSpan(_used));
        _used += key.Length;
        _separator.CopyTo(buffer.AsSpan(_used));
        _used += _separator.Length;
        var formatted = count.TryFormat(buffer.AsSpan(_used), out var digits, default, CultureInfo.InvariantCulture);
        Debug.Assert(formatted, "the buffer always has room for a count");
        _used += digits;
        buffer[_used++] = (byte)'\n';
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_buffer == null, this);
        Flush();
        _destination.Flush();
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

    private void Flush()
    {
        if (_used > 0)
        {
            _destination.Write(_buffer!, 0, _used);
            _used = 0;
        }
    }
}
