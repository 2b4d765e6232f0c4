namespace BigData.Storage.Outputs.Parquet;

/// <summary>
/// Encodes the Thrift structs of parquet-format (<c>PageHeader</c>, <c>FileMetaData</c> and what they hold) with
/// the field ids of parquet.thrift, in ascending field order.
/// </summary>
internal static class ParquetMetadataEncoder
{
    /// <summary>The file format version; parquet-format asks writers to put 1 for the widest compatibility.</summary>
    private const int FormatVersion = 1;

    /// <summary>A v1 data page header: PLAIN values, no levels (required columns), so RLE is nominal.</summary>
    public static void PageHeader(CompactProtocolWriter w, int uncompressedSize, int compressedSize, int numValues)
    {
        w.BeginStruct();
        w.I32Field(1, (int)PageType.DataPage);
        w.I32Field(2, uncompressedSize);
        w.I32Field(3, compressedSize);
        w.BeginStructField(5); // DataPageHeader
        w.I32Field(1, numValues);
        w.I32Field(2, (int)ParquetEncoding.Plain);
        w.I32Field(3, (int)ParquetEncoding.Rle); // definition_level_encoding
        w.I32Field(4, (int)ParquetEncoding.Rle); // repetition_level_encoding
        w.EndStruct();
        w.EndStruct();
    }

    /// <summary>The footer: schema, row groups with their column chunks, writer name and column orders.</summary>
    public static void FileMetaData(
        CompactProtocolWriter w,
        IReadOnlyList<ParquetColumn> columns,
        IReadOnlyList<RowGroupInfo> rowGroups,
        string createdBy)
    {
        w.BeginStruct();
        w.I32Field(1, FormatVersion);

        w.ListField(2, CompactType.Struct, columns.Count + 1);
        RootSchemaElement(w, columns.Count);
        foreach (var column in columns)
        {
            LeafSchemaElement(w, column);
        }

        w.I64Field(3, rowGroups.Sum(g => g.NumRows));

        w.ListField(4, CompactType.Struct, rowGroups.Count);
        for (var i = 0; i < rowGroups.Count; i++)
        {
            RowGroup(w, rowGroups[i], i);
        }

        w.StringField(6, createdBy);

        // Without column_orders the min_value/max_value statistics have no defined meaning (parquet.thrift).
        w.ListField(7, CompactType.Struct, columns.Count);
        foreach (var _ in columns)
        {
            w.BeginStruct(); // ColumnOrder union
            w.EmptyStructField(1); // TYPE_ORDER: unsigned bytes for STRING, signed for INT64
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void RootSchemaElement(CompactProtocolWriter w, int children)
    {
        w.BeginStruct();
        w.StringField(4, "schema");
        w.I32Field(5, children);
        w.EndStruct();
    }

    private static void LeafSchemaElement(CompactProtocolWriter w, ParquetColumn column)
    {
        w.BeginStruct();
        w.I32Field(1, (int)column.Type);
        w.I32Field(3, (int)FieldRepetitionType.Required);
        w.StringField(4, column.Name);
        if (column.IsString)
        {
            // Both annotations: ConvertedType for older readers, LogicalType for newer ones (parquet.thrift asks
            // writers of a LogicalType to set the matching ConvertedType).
            w.I32Field(6, (int)ConvertedType.Utf8);
            w.BeginStructField(10); // LogicalType union
            w.EmptyStructField(1); // STRING
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void RowGroup(CompactProtocolWriter w, RowGroupInfo group, int ordinal)
    {
        w.BeginStruct();
        w.ListField(1, CompactType.Struct, group.Columns.Count);
        foreach (var chunk in group.Columns)
        {
            ColumnChunk(w, chunk);
        }

        w.I64Field(2, group.TotalByteSize);
        w.I64Field(3, group.NumRows);
        if (group.SortedColumn is { } sorted)
        {
            w.ListField(4, CompactType.Struct, 1);
            w.BeginStruct(); // SortingColumn
            w.I32Field(1, sorted);
            w.BoolField(2, false); // descending
            w.BoolField(3, false); // nulls_first (there are no nulls)
            w.EndStruct();
        }

        w.I64Field(5, group.FileOffset);
        w.I64Field(6, group.TotalCompressedSize);
        if (ordinal <= short.MaxValue)
        {
            w.I16Field(7, (short)ordinal);
        }

        w.EndStruct();
    }

    private static void ColumnChunk(CompactProtocolWriter w, ColumnChunkInfo chunk)
    {
        w.BeginStruct();

        // Deprecated; parquet.thrift asks for 0 when no ColumnMetaData is written outside the footer.
        w.I64Field(2, 0);

        w.BeginStructField(3); // ColumnMetaData
        w.I32Field(1, (int)chunk.Column.Type);
        w.ListField(2, CompactType.I32, 1);
        w.I32Value((int)ParquetEncoding.Plain);
        w.ListField(3, CompactType.Binary, 1);
        w.StringValue(chunk.Column.Name);
        w.I32Field(4, (int)chunk.Codec);
        w.I64Field(5, chunk.NumValues);
        w.I64Field(6, chunk.TotalUncompressedSize);
        w.I64Field(7, chunk.TotalCompressedSize);
        w.I64Field(9, chunk.DataPageOffset);
        Statistics(w, 12, chunk.Column, chunk.Statistics);
        w.EndStruct();

        w.EndStruct();
    }

    private static void Statistics(CompactProtocolWriter w, short fieldId, ParquetColumn column, ColumnStatistics stats)
    {
        w.BeginStructField(fieldId);

        // The deprecated min/max are defined by signed comparison: right for INT64, wrong for strings.
        if (column.Type == PhysicalType.Int64 && stats.MinValue != null && stats.MaxValue != null)
        {
            w.BinaryField(1, stats.MaxValue);
            w.BinaryField(2, stats.MinValue);
        }

        w.I64Field(3, stats.NullCount);
        if (stats.MaxValue != null)
        {
            w.BinaryField(5, stats.MaxValue);
        }

        if (stats.MinValue != null)
        {
            w.BinaryField(6, stats.MinValue);
        }

        if (stats.MaxValue != null)
        {
            w.BoolField(7, true); // is_max_value_exact
        }

        if (stats.MinValue != null)
        {
            w.BoolField(8, true); // is_min_value_exact
        }

        w.EndStruct();
    }
}
