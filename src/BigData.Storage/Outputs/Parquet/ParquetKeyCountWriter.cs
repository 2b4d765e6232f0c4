using System.Reflection;

namespace BigData.Storage.Outputs.Parquet;

/// <summary>
/// Writes one Parquet part: <c>PAR1</c>, row groups (the key column chunk, then the count column chunk, each a run
/// of data pages), the Thrift footer, its length and <c>PAR1</c> again. Values of the open row group are buffered
/// PLAIN-encoded, which is the page format itself, so a page is a slice of the buffer.
/// </summary>
internal sealed partial class ParquetKeyCountWriter : IKeyCountWriter
{
    internal static readonly ParquetColumn KeyColumn = new("key", PhysicalType.ByteArray, IsString: true);
    internal static readonly ParquetColumn CountColumn = new("count", PhysicalType.Int64, IsString: false);
    private static readonly ParquetColumn[] Schema = [KeyColumn, CountColumn];

    private static readonly string CreatedByText = CreatedBy();

    private readonly Stream _destination;
    private readonly ParquetWriterOptions _options;
    private readonly ParquetPageWriter _file;
    private readonly PooledByteBuffer _keys = new(64 * 1024); // per key: int32 LE length, then the bytes
    private readonly PooledByteBuffer _counts = new(16 * 1024); // per count: int64 LE
    private readonly Utf8KeyText _keyText = new();
    private readonly List<RowGroupInfo> _rowGroups = [];

    // The open row group.
    private int _rows;
    private int _lastKeyOffset;
    private bool _sorted = true;
    private long _minCount;
    private long _maxCount;

    private bool _completed;

    public ParquetKeyCountWriter(Stream destination, ParquetWriterOptions options)
    {
        _destination = destination;
        _options = options;
        _file = new ParquetPageWriter(destination, options.Codec == ParquetCodec.Gzip ? CompressionCodec.Gzip : CompressionCodec.Uncompressed);
        _file.WriteRaw(Magic);
    }

    /// <summary>The 4 bytes that open and close every Parquet file.</summary>
    internal static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <inheritdoc />
    public long InvalidUtf8Keys => _keyText.InvalidKeys;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> key, long count)
    {
        WriterState.ThrowIfCompleted(_completed);
        var text = _keyText.ToValidUtf8(key, out _);

        // Sorted input keeps the statistics trivial (first and last key). A repaired key can break the order of
        // the stored text (U+FFFD sorts differently from the bytes it replaced): then the bounds are searched.
        if (_rows > 0 && _sorted && LastKey.SequenceCompareTo(text) > 0)
        {
            _sorted = false;
        }

        _lastKeyOffset = _keys.Length;
        _keys.AppendInt32LittleEndian(text.Length);
        _keys.Append(text);
        _counts.AppendInt64LittleEndian(count);
        _minCount = _rows == 0 ? count : Math.Min(_minCount, count);
        _maxCount = _rows == 0 ? count : Math.Max(_maxCount, count);
        _rows++;

        if ((long)_keys.Length + _counts.Length >= _options.RowGroupBytes)
        {
            FlushRowGroup();
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        WriterState.ThrowIfCompleted(_completed);
        FlushRowGroup();

        var footer = new CompactProtocolWriter();
        ParquetMetadataEncoder.FileMetaData(footer, Schema, _rowGroups, CreatedByText);
        _file.WriteRaw(footer.Written);
        Span<byte> length = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, footer.Written.Length);
        _file.WriteRaw(length);
        _file.WriteRaw(Magic);
        _destination.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _keys.Dispose();
        _counts.Dispose();
        _keyText.Dispose();
        _file.Dispose();
    }

    private ReadOnlySpan<byte> LastKey => PlainByteArrayAt(_keys.Written, _lastKeyOffset);

    /// <summary><c>bigdata version X (build H)</c>, the form parquet.thrift asks of <c>created_by</c>.</summary>
    private static string CreatedBy()
    {
        var informational = typeof(ParquetKeyCountWriter).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? $"bigdata version {informational}"
            : $"bigdata version {informational[..plus]} (build {informational[(plus + 1)..]})";
    }
}
