using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using BigData.MapReduce.Local;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;
using BigData.Warc;
using WarcUriCount;

namespace BigData.Benchmarks;

/// <summary>
/// <c>stages FILE [ROUNDS]</c>: where single-core time goes, one layer at a time, in one process: plain GZipStream,
/// the archive decoder, the record reader, the reader plus the job's mapper, and the whole local runner. Prints CPU
/// seconds of this process per stage (best of ROUNDS) and the ratio to plain GZipStream.
/// </summary>
internal static class StagesTool
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var stages = new (string Name, Func<string, long> Body)[]
        {
            ("gzipstream", Gunzip),
            ("decoder", Decode),
            ("reader", Read),
            ("reader+mapper", Map),
            ("local runner", RunJob),
        };
        var best = stages.Select(_ => double.MaxValue).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = stages[i].Body(path);
                var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                best[i] = Math.Min(best[i], seconds);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {stages[i].Name,-14} {seconds,7:F3} s cpu ({result})"));
            }
        }

        for (var i = 0; i < stages.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[i].Name,-14} {best[i],7:F3} s cpu  {best[0] / best[i],5:F3} of gzipstream"));
        }

        return 0;
    }

    private static long Gunzip(string path)
    {
        var buffer = new byte[1 << 20];
        using var gzip = new GZipStream(new LocalInputFile(path).OpenRead(), CompressionMode.Decompress);
        long total = 0;
        int n;
        while ((n = gzip.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static long Decode(string path)
    {
        var buffer = new byte[1 << 20];
        using var stream = ArchiveDecoder.Open(new LocalInputFile(path).OpenRead(), path);
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private static long Read(string path)
    {
        using var reader = new WarcReader(ArchiveDecoder.Open(new LocalInputFile(path).OpenRead(), path), path);
        long records = 0;
        while (reader.TryRead(out _))
        {
            records++;
        }

        return records;
    }

    private static long Map(string path)
    {
        var mapper = new WarcUriCountJob().CreateMapper(new Counters());
        var sink = new CountingCollector();
        using var reader = new WarcReader(ArchiveDecoder.Open(new LocalInputFile(path).OpenRead(), path), path);
        while (reader.TryRead(out var record))
        {
            mapper.MapRecord(record, sink);
        }

        return sink.Count;
    }

    private static long RunJob(string path)
    {
        var result = new LocalJobRunner(new LocalRunnerOptions { Workers = 1, Reducers = 1 })
            .Run(new WarcUriCountJob(), [new LocalInputFile(path)], JobOutput.ToStream(Stream.Null, TsvOutputFormat.Instance));
        return result.OutputRecords;
    }

    private sealed class CountingCollector : IKeyCountCollector
    {
        public long Count { get; private set; }

        public void Add(ReadOnlySpan<byte> key, long count) => Count += count;
    }
}
