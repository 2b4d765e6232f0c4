using BigData.Storage.Outputs.Parquet;

namespace BigData.Storage.Outputs;

/// <summary>
/// Parquet written by the project's own writer (parquet-format spec): schema <c>key</c> BYTE_ARRAY annotated as a
/// UTF-8 STRING and <c>count</c> INT64, both REQUIRED; data pages v1 with PLAIN encoding; row groups of bounded size
/// with min/max statistics and the key declared as sort column. Readable by Spark, DuckDB, pandas/pyarrow.
/// Invalid UTF-8 in keys becomes U+FFFD (a STRING column must hold UTF-8). Gzip is a codec inside the file here,
/// so the extension stays <c>.parquet</c>.
/// </summary>
public sealed class ParquetOutputFormat(ParquetWriterOptions? options = null) : IOutputFormat
{
    /// <summary>The layout and codec of the parts.</summary>
    public ParquetWriterOptions Options { get; } = Validated(options ?? ParquetWriterOptions.Default);

    /// <inheritdoc />
    public string Name => "parquet";

    /// <inheritdoc />
    public string Extension => ".parquet";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new ParquetKeyCountWriter(destination, Options);
    }

    private static ParquetWriterOptions Validated(ParquetWriterOptions options)
    {
        options.Validate();
        return options;
    }
}
