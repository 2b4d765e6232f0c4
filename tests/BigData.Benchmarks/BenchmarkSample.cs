using BigData.Warc.Sample;

namespace BigData.Benchmarks;

/// <summary>
/// The benchmarks' input: a Common-Crawl-like sample from the same generator the tests use, about 20 MB compressed,
/// built in memory once per process.
/// </summary>
public static class BenchmarkSample
{
    /// <summary>Pages for about 20 MB compressed (about 9 KB per page at the default compression level).</summary>
    public const int Pages = 2200;

    private static readonly Lazy<byte[]> CompressedLazy = new(() =>
    {
        var output = new MemoryStream();
        SampleArchiveGenerator.Write(output, new SampleOptions { Pages = Pages, Hosts = 2000, Seed = 1 });
        return output.ToArray();
    });

    /// <summary>The compressed sample (one gzip member per record).</summary>
    public static byte[] Compressed => CompressedLazy.Value;
}
