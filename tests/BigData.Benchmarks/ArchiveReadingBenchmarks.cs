using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BigData.Warc;

namespace BigData.Benchmarks;

/// <summary>
/// Reading a Common-Crawl-like sample from memory: plain <see cref="GZipStream"/> decompression is the baseline
/// (DESIGN.md §8: reading must reach 95% of it), then the archive decoder, then the record reader on top.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ArchiveReadingBenchmarks
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private byte[] _compressed = [];

    [GlobalSetup]
    public void Setup() => _compressed = BenchmarkSample.Compressed;

    [Benchmark(Baseline = true, Description = "GZipStream")]
    public long GZipStreamDecompress()
    {
        using var gzip = new GZipStream(new MemoryStream(_compressed, writable: false), CompressionMode.Decompress);
        return Drain(gzip);
    }

    [Benchmark(Description = "ArchiveDecoder.Open")]
    public long ArchiveDecoderRead()
    {
        using var stream = ArchiveDecoder.Open(new MemoryStream(_compressed, writable: false), "benchmark");
        return Drain(stream);
    }

    [Benchmark(Description = "WarcReader.TryRead + target URI")]
    public long WarcReaderRecords()
    {
        using var stream = ArchiveDecoder.Open(new MemoryStream(_compressed, writable: false), "benchmark");
        using var reader = CreateReader(stream);
        long uriBytes = 0;
        while (reader.TryRead(out var record))
        {
            if (record.TryGetTargetUri(out var uri))
            {
                uriBytes += uri.Length;
            }
        }

        return uriBytes;
    }

    /// <summary>
    /// The reader's constructor is part of the contract (WarcReader.cs) but not of the skeleton this was written
    /// against; binding it by reflection keeps this compiling before and after it lands. Replace with
    /// <c>new WarcReader(stream, "benchmark")</c> once it has.
    /// </summary>
    private static WarcReader CreateReader(Stream stream) =>
        (WarcReader)Activator.CreateInstance(typeof(WarcReader), stream, "benchmark", null, null)!;

    private long Drain(Stream stream)
    {
        long total = 0;
        int n;
        while ((n = stream.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
