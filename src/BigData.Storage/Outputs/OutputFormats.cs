namespace BigData.Storage.Outputs;

/// <summary>
/// The output formats by the names of <c>--format</c> and <c>--compress</c>. With <c>--compress gzip</c> the text
/// formats (tsv, csv, jsonl) are wrapped in gzip and get <c>.gz</c> appended to their extension, while Parquet uses
/// its GZIP page codec inside the file and keeps <c>.parquet</c> (a gzipped Parquet file is not readable as Parquet).
/// </summary>
public static class OutputFormats
{
    /// <summary>Names accepted by <c>--format</c>; the first is the default.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["tsv", "csv", "parquet", "jsonl"];

    /// <summary>Names accepted by <c>--compress</c>; the first is the default.</summary>
    public static IReadOnlyList<string> CompressNames { get; } = ["none", "gzip"];

    /// <summary>
    /// The format named <paramref name="format"/> compressed as <paramref name="compress"/> (both case-insensitive).
    /// <paramref name="parquet"/> sets the Parquet layout (default <see cref="ParquetWriterOptions.Default"/>); its
    /// codec is replaced by what <paramref name="compress"/> says.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown format or compression name.</exception>
    public static IOutputFormat Create(string format, string compress, ParquetWriterOptions? parquet = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(compress);
        var gzip = compress.ToLowerInvariant() switch
        {
            "none" => false,
            "gzip" => true,
            _ => throw new ArgumentException(
                $"unknown compression '{compress}': expected one of {string.Join(", ", CompressNames)}", nameof(compress)),
        };

        IOutputFormat text;
        switch (format.ToLowerInvariant())
        {
            case "parquet":
                var options = (parquet ?? ParquetWriterOptions.Default) with
                {
                    Codec = gzip ? ParquetCodec.Gzip : ParquetCodec.Uncompressed,
                };
                return new ParquetOutputFormat(options);
            case "tsv":
                text = new TsvOutputFormat();
                break;
            case "csv":
                text = new CsvOutputFormat();
                break;
            case "jsonl":
                text = new JsonLinesOutputFormat();
                break;
            default:
                throw new ArgumentException(
                    $"unknown output format '{format}': expected one of {string.Join(", ", FormatNames)}", nameof(format));
        }

        return gzip ? new GzipOutputFormat(text) : text;
    }
}
