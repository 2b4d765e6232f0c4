namespace BigData.Storage.Outputs;

/// <summary>Compression codec of the pages of a Parquet part.</summary>
public enum ParquetCodec
{
    /// <summary>No compression.</summary>
    Uncompressed,

    /// <summary>GZIP (RFC 1952) per page, what <c>--compress gzip</c> selects for Parquet.</summary>
    Gzip,
}

/// <summary>How <see cref="ParquetOutputFormat"/> lays out a part.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>The defaults.</summary>
    public static ParquetWriterOptions Default { get; } = new();

    /// <summary>Page compression. Default: <see cref="ParquetCodec.Uncompressed"/>.</summary>
    public ParquetCodec Codec { get; init; } = ParquetCodec.Uncompressed;

    /// <summary>
    /// Buffered bytes (PLAIN-encoded keys and counts of the open row group) at which the row group is written.
    /// This bounds the writer's memory. Default: 64 MiB.
    /// </summary>
    public int RowGroupBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Uncompressed size at which a data page is closed (a longer single key gets a page of its own). Default: 1 MiB.</summary>
    public int PageBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Longest key kept as a min/max statistic; when the smallest or largest key of a row group is longer, that
    /// statistic is left out rather than bloat the footer. Default: 4096 bytes.
    /// </summary>
    public int MaxStatisticsBytes { get; init; } = 4096;

    /// <summary>Throws when a size is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupBytes, 1, nameof(RowGroupBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageBytes, 1, nameof(PageBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxStatisticsBytes, nameof(MaxStatisticsBytes));
        if (!Enum.IsDefined(Codec))
        {
            throw new ArgumentOutOfRangeException(nameof(Codec), Codec, "unknown Parquet codec");
        }
    }
}
