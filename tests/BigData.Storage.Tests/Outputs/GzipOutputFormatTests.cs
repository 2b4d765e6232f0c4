using BigData.Storage.Outputs;
using TestSupport;

namespace BigData.Storage.Tests.Outputs;

public sealed class GzipOutputFormatTests
{
    private static readonly (string, long)[] Rows = [("a,b", 1), ("http://bücher.example", 2), ("z", 3)];

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("tsv")]
    public void Write_TextFormat_ZcatGivesTheUncompressedBytes(string format)
    {
        using var directory = new TempDirectory();
        var plain = TextOutputFormatTests.Write(OutputFormats.Create(format, "none"), Rows);
        var path = directory.Combine("part" + OutputFormats.Create(format, "gzip").Extension);
        File.WriteAllBytes(path, TextOutputFormatTests.Write(OutputFormats.Create(format, "gzip"), Rows));

        var zcat = ProcessRunner.Run("gzip", ["-dc", path]);

        Assert.True(zcat.ExitCode == 0, zcat.Stderr);
        Assert.Equal(plain, zcat.Stdout);
    }

    [Fact]
    public void Write_NoRows_ValidEmptyGzipMember()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("part.jsonl.gz");
        File.WriteAllBytes(path, TextOutputFormatTests.Write(OutputFormats.Create("jsonl", "gzip"), []));

        var zcat = ProcessRunner.Run("gzip", ["-dc", path]);

        Assert.True(zcat.ExitCode == 0, zcat.Stderr);
        Assert.Empty(zcat.Stdout);
    }

    [Fact]
    public void InvalidUtf8Keys_WrappedWriter_ReportsTheInnerCount()
    {
        using var writer = new GzipOutputFormat(new CsvOutputFormat()).Create(new MemoryStream());
        writer.Write([0xFF], 1);
        writer.Write("ok"u8, 1);
        writer.Complete();

        Assert.Equal(1, writer.InvalidUtf8Keys);
    }
}
