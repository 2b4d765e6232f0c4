namespace BigData.Storage.Outputs.Parquet;

/// <summary>
/// Statistics of one column chunk. Values are PLAIN-encoded without the length prefix of byte arrays, ordered by
/// the column's type-defined order (unsigned bytes for STRING, signed for INT64). A null min or max is not written
/// (a key too long to be worth repeating in the footer).
/// </summary>
internal sealed record ColumnStatistics(byte[]? MinValue, byte[]? MaxValue, long NullCount);

/// <summary>What the footer says about one column chunk once its pages are written.</summary>
internal sealed record ColumnChunkInfo(
    ParquetColumn Column,
    CompressionCodec Codec,
    long NumValues,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    ColumnStatistics Statistics);

/// <summary>
/// What the footer says about one row group. <c>SortedColumn</c> is the index of the column the rows are sorted by
/// (ascending), or null.
/// </summary>
internal sealed record RowGroupInfo(IReadOnlyList<ColumnChunkInfo> Columns, long NumRows, int? SortedColumn)
{
    /// <summary>Offset of the row group's first page.</summary>
    public long FileOffset => Columns[0].DataPageOffset;

    /// <summary>Uncompressed size of all column data (page headers included), as parquet-format defines it.</summary>
    public long TotalByteSize => Columns.Sum(c => c.TotalUncompressedSize);

    /// <summary>Compressed size of all column data (page headers included).</summary>
    public long TotalCompressedSize => Columns.Sum(c => c.TotalCompressedSize);
}

/// <summary>A leaf column of the flat schema; <c>IsString</c> marks a UTF-8 string (ConvertedType UTF8, LogicalType STRING).</summary>
internal sealed record ParquetColumn(string Name, PhysicalType Type, bool IsString);
