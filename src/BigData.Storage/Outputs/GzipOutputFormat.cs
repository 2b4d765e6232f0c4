using System.IO.Compression;

namespace BigData.Storage.Outputs;

/// <summary>
/// Gzip around a text format (<c>--compress gzip</c>): the part is one gzip member holding what
/// <paramref name="inner"/> writes, and <c>.gz</c> is appended to its extension (<c>part-00000.gz</c>,
/// <c>part-00000.csv.gz</c>), which is what Hadoop's GzipCodec, Spark, DuckDB and pandas recognise.
/// Parquet is not wrapped: there <c>--compress gzip</c> selects the GZIP codec inside the file (see
/// <see cref="OutputFormats"/>).
/// </summary>
/// <param name="inner">The format whose bytes are compressed.</param>
/// <param name="level">Compression level; default <see cref="CompressionLevel.Optimal"/> (gzip's usual level).</param>
public sealed class GzipOutputFormat(IOutputFormat inner, CompressionLevel level = CompressionLevel.Optimal) : IOutputFormat
{
    /// <summary>The wrapped format.</summary>
    public IOutputFormat Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public string Extension => Inner.Extension + ".gz";

    /// <inheritdoc />
    public IKeyCountWriter Create(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var gzip = new GZipStream(destination, level, leaveOpen: true);
        try
        {
            var counted = new CountingWriteStream(gzip);
            return new GzipKeyCountWriter(Inner.Create(counted), counted, gzip, destination);
        }
        catch
        {
            gzip.Dispose();
            throw;
        }
    }
}
