using System.Diagnostics;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Merging;

namespace BigData.MapReduce.Local;

internal sealed partial class JobRun
{
    /// <summary>Smallest merge read buffer: 4 KiB.</summary>
    private const int MinMergeBuffer = 1 << 12;

    /// <summary>Largest merge read buffer: 1 MiB (larger buys nothing on sequential reads).</summary>
    private const int MaxMergeBuffer = 1 << 20;

    /// <summary>Facts of the reduce phase for the result.</summary>
    private sealed record ReducePhaseResult(TimeSpan TaskTime, long Records, long CountSum, TopKeys Top);

    /// <summary>
    /// Merges each partition's runs into its part file, up to <see cref="LocalRunnerOptions.Workers"/> partitions at
    /// once. Every partition gets a part, empty or not, as with Hadoop. Parts are created one at a time (committers
    /// need not be thread-safe) and written concurrently.
    /// </summary>
    private ReducePhaseResult ReduceToParts(JobOutput.PartFiles output)
    {
        var reducers = Math.Min(_options.Workers, _partitions);
        var bufferSize = MergeBufferSize(reducers);
        var statistics = new OutputStatistics?[_partitions];
        long ticks = 0;
        var next = -1;
        _progress.StartReduce(_partitions);
        WorkerThreads.Run(reducers, "reduce", _ =>
        {
            int partition;
            while ((partition = Interlocked.Increment(ref next)) < _partitions)
            {
                _stop.Token.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var name = $"part-{partition:D5}{output.Format.Extension}";
                Stream stream;
                lock (_gate)
                {
                    stream = output.Committer.CreatePart(name);
                }

                using (stream)
                using (var writer = output.Format.Create(stream))
                {
                    var stats = new OutputStatistics(writer, _options.TopKeyCount);
                    NewMerger($"partition-{partition:D5}", bufferSize).Merge(_runsByPartition[partition], stats, _stop.Token);
                    writer.Complete();
                    statistics[partition] = stats;
                }

                Interlocked.Add(ref ticks, clock.Elapsed.Ticks);
                _progress.ReduceTaskDone();
            }
        }, _stop.Cancel);

        return Combine(statistics!, TimeSpan.FromTicks(ticks));
    }

    /// <summary>
    /// Merges the runs of every partition into one stream. Partitions hold disjoint keys, so one merge over all runs
    /// is globally sorted: the same lines as the part files concatenated and sorted.
    /// </summary>
    private ReducePhaseResult ReduceToStream(JobOutput.SortedStream output)
    {
        var clock = Stopwatch.StartNew();
        _progress.StartReduce(1);
        var runs = _runsByPartition.SelectMany(r => r).ToList();
        OutputStatistics stats;
        using (var writer = output.Format.Create(output.Destination))
        {
            stats = new OutputStatistics(writer, _options.TopKeyCount);
            NewMerger("all", MergeBufferSize(1)).Merge(runs, stats, _stop.Token);
            writer.Complete();
        }

        output.Destination.Flush();
        _progress.ReduceTaskDone();
        return Combine([stats], clock.Elapsed);
    }

    private RunMerger NewMerger(string name, int bufferSize) =>
        new(Path.Combine(_scratch, "reduce", name), _options.MergeFanIn, bufferSize);

    /// <summary>Read buffers of all merges running at once share the memory budget.</summary>
    private int MergeBufferSize(int concurrentMerges) =>
        (int)Math.Clamp(_options.MemoryBytes / ((long)concurrentMerges * (_options.MergeFanIn + 1)), MinMergeBuffer, MaxMergeBuffer);

    private ReducePhaseResult Combine(IReadOnlyList<OutputStatistics> parts, TimeSpan taskTime)
    {
        var top = new TopKeys(_options.TopKeyCount);
        long records = 0;
        long sum = 0;
        foreach (var part in parts)
        {
            records += part.Records;
            sum = CountArithmetic.Add(sum, part.CountSum, "(sum of all output counts)"u8);
            top.Offer(part.Top);
        }

        return new ReducePhaseResult(taskTime, records, sum, top);
    }
}
