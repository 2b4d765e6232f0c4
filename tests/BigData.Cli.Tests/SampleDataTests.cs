using System.IO.Compression;
using BigData.Warc.Sample;
using TestSupport;

namespace BigData.Cli.Tests;

/// <summary>data/sample is what scripts/make-sample.sh says it is: the generator's output for those options.</summary>
public sealed class SampleDataTests
{
    // Keep in step with scripts/make-sample.sh.
    private const int Pages = 60;
    private const int Hosts = 80;
    private const long Seed = 2026;

    [Fact]
    public void SampleData_RegeneratedWithScriptOptions_HasIdenticalUncompressedBytes()
    {
        var files = Directory.GetFiles(RepoPaths.Sample, "*.warc.gz").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);
        Assert.True(files.Sum(f => new FileInfo(f).Length) < 5_000_000, "data/sample must stay well under 5 MB");

        for (var i = 0; i < files.Length; i++)
        {
            using var regenerated = new MemoryStream();
            SampleArchiveGenerator.Write(regenerated, new SampleOptions
            {
                Pages = Pages, Hosts = Hosts, Seed = Seed, FirstPage = i * Pages, FileName = Path.GetFileName(files[i]),
            });

            Assert.True(
                Gunzip(File.ReadAllBytes(files[i])).AsSpan().SequenceEqual(Gunzip(regenerated.ToArray())),
                $"{files[i]} differs from `bigdata sample` with the options of scripts/make-sample.sh");
        }
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
