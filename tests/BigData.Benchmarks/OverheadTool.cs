using System.Diagnostics;
using System.Globalization;
using BigData.MapReduce;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Jobs;
using BigData.MapReduce.Local;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;
using BigData.Warc;
using WarcUriCount;

namespace BigData.Benchmarks;

/// <summary>
/// <c>overhead FILE [MB] [ROUNDS]</c>: what every layer above decompression costs per record, without the
/// decompression itself. Decodes the first MB (default 512) megabytes of FILE into memory once, then times, in CPU
/// time of this process (best of ROUNDS, default 5; each sample repeats a stage over 2 GB):  copying those bytes through a 1 MiB buffer, the record reader,
/// the reader plus the job's mapper, those plus the map-side combiner (the runner's <see cref="SpillingAggregator"/>,
/// in memory), and the whole local runner on one worker. Decompression takes tens of
/// microseconds per Common Crawl record, so per-record costs of a few hundred nanoseconds, invisible in the noise of
/// <c>stages</c>, are resolved here. A small MB (say 24, within the last-level cache) makes the copying cheaper and
/// steadier, to compare two versions of the code; a large one keeps the memory traffic of real input.
/// </summary>
internal static class OverheadTool
{
    /// <summary>Each sample covers at least this many bytes: process CPU time is too coarse for one short pass.</summary>
    private const long BytesPerSample = 2_000_000_000;

    public static int Run(string[] args)
    {
        var path = args[0];
        var megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 512;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var bytes = LoadPrefix(path, megabytes * 1_000_000L);
        var stages = new (string Name, Func<byte[], long> Body)[]
        {
            ("copy", Copy),
            ("reader", Read),
            ("reader+mapper", Map),
            ("+combiner", Combine),
            ("local runner", RunJob),
        };

        var records = Read(bytes);
        var passes = (int)Math.Max(1, BytesPerSample / bytes.Length);
        var best = stages.Select(_ => double.MaxValue).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var pass = 0; pass < passes; pass++)
                {
                    stages[i].Body(bytes);
                }

                var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / passes;
                best[i] = Math.Min(best[i], seconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes.Length / 1e6:F0} MB uncompressed, {records} records; CPU ns per record (best of {rounds})"));
        for (var i = 0; i < stages.Length; i++)
        {
            var perRecord = best[i] * 1e9 / records;
            var added = i == 0 ? perRecord : (best[i] - best[i - 1]) * 1e9 / records;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[i].Name,-14} {perRecord,8:F0} ns  (+{added,5:F0} ns over the previous)"));
        }

        return 0;
    }

    /// <summary>The first <paramref name="limit"/> uncompressed bytes, cut after the last complete record.</summary>
    private static byte[] LoadPrefix(string path, long limit)
    {
        using var decoded = ArchiveDecoder.Open(new LocalInputFile(path).OpenRead(), path);
        var buffer = new byte[limit];
        var length = decoded.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

        // Cut before the last version line, so the reader never sees a truncated record.
        var cut = buffer.AsSpan(0, length).LastIndexOf("\nWARC/"u8);
        return buffer.AsSpan(0, cut < 0 ? length : cut + 1).ToArray();
    }

    private static long Copy(byte[] bytes)
    {
        var buffer = new byte[1 << 20];
        using var stream = new MemoryStream(bytes, writable: false);
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static long Read(byte[] bytes)
    {
        using var reader = new WarcReader(new MemoryStream(bytes, writable: false), "memory");
        long records = 0;
        while (reader.TryRead(out _))
        {
            records++;
        }

        return records;
    }

    private static long Map(byte[] bytes)
    {
        var mapper = new WarcUriCountJob().CreateMapper(new Counters());
        var sink = new CountingCollector();
        using var reader = new WarcReader(new MemoryStream(bytes, writable: false), "memory");
        while (reader.TryRead(out var record))
        {
            mapper.MapRecord(record, sink);
        }

        return sink.Count;
    }

    private static long Combine(byte[] bytes)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"bigdata-overhead-{Guid.NewGuid():N}");
        try
        {
            using var combiner = new SpillingAggregator(directory, partitions: 1, memoryBytes: 1L << 30);
            var mapper = new WarcUriCountJob().CreateMapper(new Counters());
            using var reader = new WarcReader(new MemoryStream(bytes, writable: false), "memory");
            while (reader.TryRead(out var record))
            {
                mapper.MapRecord(record, combiner);
            }

            return combiner.KeysInMemory;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long RunJob(byte[] bytes)
    {
        var result = new LocalJobRunner(new LocalRunnerOptions { Workers = 1, Reducers = 1 })
            .Run(new WarcUriCountJob(), [new MemoryInputFile(bytes)], JobOutput.ToStream(Stream.Null, TsvOutputFormat.Instance));
        return result.OutputRecords;
    }

    private sealed class CountingCollector : IKeyCountCollector
    {
        public long Count { get; private set; }

        public void Add(ReadOnlySpan<byte> key, long count) => Count += count;
    }

    private sealed class MemoryInputFile(byte[] bytes) : IInputFile
    {
        public string Location => "memory";

        public long? Length => bytes.Length;

        public Stream OpenRead() => new MemoryStream(bytes, writable: false);
    }
}
