using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.Outputs;

public sealed class OutputFormatsTests
{
    [Theory]
    [InlineData("tsv", "none", "tsv", "")]
    [InlineData("tsv", "gzip", "tsv", ".gz")]
    [InlineData("csv", "none", "csv", ".csv")]
    [InlineData("csv", "gzip", "csv", ".csv.gz")]
    [InlineData("jsonl", "none", "jsonl", ".jsonl")]
    [InlineData("jsonl", "gzip", "jsonl", ".jsonl.gz")]
    [InlineData("parquet", "none", "parquet", ".parquet")]
    [InlineData("parquet", "gzip", "parquet", ".parquet")]
    [InlineData("CSV", "GZIP", "csv", ".csv.gz")]
    public void Create_KnownNames_FormatWithNameAndExtension(string format, string compress, string name, string extension)
    {
        var created = OutputFormats.Create(format, compress);

        Assert.Equal(name, created.Name);
        Assert.Equal(extension, created.Extension);
    }

    [Theory]
    [InlineData("none", ParquetCodec.Uncompressed)]
    [InlineData("gzip", ParquetCodec.Gzip)]
    public void Create_Parquet_CompressionIsTheCodecInsideTheFile(string compress, ParquetCodec codec)
    {
        var options = new ParquetWriterOptions { RowGroupBytes = 1000, PageBytes = 100, Codec = ParquetCodec.Gzip };

        var created = Assert.IsType<ParquetOutputFormat>(OutputFormats.Create("parquet", compress, options));

        Assert.Equal(codec, created.Options.Codec);
        Assert.Equal(1000, created.Options.RowGroupBytes);
        Assert.Equal(100, created.Options.PageBytes);
    }

    [Fact]
    public void Create_UnknownFormat_ArgumentExceptionNamingItAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => OutputFormats.Create("xlsx", "none"));

        Assert.Contains("'xlsx'", e.Message);
        Assert.Contains("tsv, csv, parquet, jsonl", e.Message);
    }

    [Fact]
    public void Create_UnknownCompression_ArgumentExceptionNamingItAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => OutputFormats.Create("csv", "zstd"));

        Assert.Contains("'zstd'", e.Message);
        Assert.Contains("none, gzip", e.Message);
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1024, 0)]
    [InlineData(-1, 1024)]
    public void ParquetOutputFormat_NonPositiveSizes_Rejected(int rowGroupBytes, int pageBytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ParquetOutputFormat(new ParquetWriterOptions { RowGroupBytes = rowGroupBytes, PageBytes = pageBytes }));
    }
}
