using System.IO.Compression;
using BigData.Warc.Sample;

namespace BigData.Warc.Tests.SampleGeneration;

public sealed class SampleArchiveGeneratorDeterminismTests
{
    [Fact]
    public void Write_SameOptionsOnOneOrManyThreads_IdenticalUncompressedBytes()
    {
        var options = new SampleOptions { Pages = 150, Hosts = 50, Seed = 42 };
        var oneThread = GeneratedSample.Create(options with { Parallelism = 1 });
        var threeThreads = GeneratedSample.Create(options with { Parallelism = 3 });

        AssertSameBytes(oneThread.Uncompressed, threeThreads.Uncompressed);
        // Same zlib in one process: the compressed bytes agree too, so members are written in page order.
        AssertSameBytes(oneThread.Compressed, threeThreads.Compressed);
    }

    [Fact]
    public void Write_FastestCompression_SameUncompressedBytes()
    {
        var options = new SampleOptions { Pages = 40, Hosts = 20, Seed = 7 };
        var optimal = GeneratedSample.Create(options);
        var fastest = GeneratedSample.Create(options with { Compression = CompressionLevel.Fastest });

        AssertSameBytes(optimal.Uncompressed, fastest.Uncompressed);
    }

    [Fact]
    public void Write_DifferentSeed_DifferentContent()
    {
        var one = GeneratedSample.Create(new SampleOptions { Pages = 40, Hosts = 20, Seed = 1 });
        var two = GeneratedSample.Create(new SampleOptions { Pages = 40, Hosts = 20, Seed = 2 });

        Assert.False(one.Uncompressed.AsSpan().SequenceEqual(two.Uncompressed));
        var uris1 = one.Responses.Select(r => r.Header("WARC-Target-URI")).ToHashSet();
        var uris2 = two.Responses.Select(r => r.Header("WARC-Target-URI")).ToHashSet();
        Assert.True(uris1.Intersect(uris2).Count() < uris1.Count / 2, "different seeds should give mostly different URIs");
    }

    [Fact]
    public void Write_MorePages_StartsWithTheSamePages()
    {
        // Each page has its own random stream: a longer sample extends a shorter one (apart from the warcinfo counts).
        var small = GeneratedSample.Create(new SampleOptions { Pages = 30, Hosts = 20, Seed = 5, FileName = "x.warc.gz" });
        var large = GeneratedSample.Create(new SampleOptions { Pages = 70, Hosts = 20, Seed = 5, FileName = "x.warc.gz" });

        var smallPages = small.Uncompressed.AsSpan((int)small.Records[1].Offset);
        var largePages = large.Uncompressed.AsSpan((int)large.Records[1].Offset);
        AssertSameBytes(smallPages, largePages[..smallPages.Length]);
        Assert.True(largePages.Length > smallPages.Length);
    }

    /// <summary>Byte equality without xunit's element-by-element collection diff (slow on megabytes).</summary>
    private static void AssertSameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var common = expected.CommonPrefixLength(actual);
        Assert.True(common == expected.Length && common == actual.Length,
            $"byte {common} differs (lengths {expected.Length} and {actual.Length})");
    }
}
