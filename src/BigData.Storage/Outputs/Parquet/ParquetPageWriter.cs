using System.IO.Compression;

namespace BigData.Storage.Outputs.Parquet;

/// <summary>
/// Writes the bytes of a Parquet file to the destination and keeps the file offset itself (the destination may
/// not be seekable, an upload stream for instance). Compresses data pages with the column chunk codec.
/// </summary>
internal sealed class ParquetPageWriter(Stream destination, CompressionCodec codec) : IDisposable
{
    private readonly CompactProtocolWriter _header = new();
    private readonly MemoryStream _compressed = new();

    /// <summary>The codec of every page.</summary>
    public CompressionCodec Codec => codec;

    /// <summary>Bytes written so far: the offset in the file of what comes next.</summary>
    public long Position { get; private set; }

    /// <summary>Writes bytes as they are (magic, footer).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        destination.Write(bytes);
        Position += bytes.Length;
    }

    /// <summary>
    /// Writes one v1 data page of PLAIN-encoded values (header, then the maybe compressed values) and returns its
    /// uncompressed and compressed sizes, header included, as the column chunk totals count them.
    /// </summary>
    public (long Uncompressed, long Compressed) WriteDataPage(ReadOnlySpan<byte> plainValues, int numValues)
    {
        var payload = codec == CompressionCodec.Gzip ? Gzip(plainValues) : plainValues;
        _header.Clear();
        ParquetMetadataEncoder.PageHeader(_header, plainValues.Length, payload.Length, numValues);
        var headerLength = _header.Written.Length;
        WriteRaw(_header.Written);
        WriteRaw(payload);
        return (headerLength + plainValues.Length, headerLength + payload.Length);
    }

    /// <inheritdoc />
    public void Dispose() => _compressed.Dispose();

    private ReadOnlySpan<byte> Gzip(ReadOnlySpan<byte> values)
    {
        // Parquet's GZIP codec is the gzip file format (RFC 1952), one member per page.
        _compressed.SetLength(0);
        using (var gzip = new GZipStream(_compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(values);
        }

        return _compressed.GetBuffer().AsSpan(0, checked((int)_compressed.Length));
    }
}
