namespace BigData.Storage.Outputs.Parquet;

// Enum values of parquet-format's parquet.thrift, only those this writer uses.

/// <summary>Physical types (<c>Type</c>).</summary>
internal enum PhysicalType
{
    Int64 = 2,
    ByteArray = 6,
}

/// <summary><c>ConvertedType</c>, the annotation older readers know.</summary>
internal enum ConvertedType
{
    Utf8 = 0,
}

/// <summary><c>FieldRepetitionType</c>.</summary>
internal enum FieldRepetitionType
{
    Required = 0,
}

/// <summary><c>Encoding</c>.</summary>
internal enum ParquetEncoding
{
    Plain = 0,
    Rle = 3,
}

/// <summary><c>CompressionCodec</c>.</summary>
internal enum CompressionCodec
{
    Uncompressed = 0,
    Gzip = 2,
}

/// <summary><c>PageType</c>.</summary>
internal enum PageType
{
    DataPage = 0,
}
