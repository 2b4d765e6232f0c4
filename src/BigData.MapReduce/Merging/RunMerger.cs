using System.Buffers;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Text;
using BigData.Storage.Outputs;

namespace BigData.MapReduce.Merging;

/// <summary>
/// Merges sorted runs into one sorted stream of distinct keys, summing the counts of equal keys (with overflow
/// checks), and writes it to an <see cref="IKeyCountWriter"/>. At most <see cref="FanIn"/> runs are open at once:
/// with more, the smallest runs are first merged into intermediate runs in a scratch directory until the rest fit
/// in one final pass. Memory is bounded by fan-in × buffer size, whatever the number or size of runs.
/// A key smaller than one already written means a run was not sorted: that throws instead of writing wrong counts.
/// Not thread-safe: use one merger (and one scratch directory) per concurrent merge.
/// </summary>
public sealed class RunMerger
{
    /// <summary>Default fan-in: 64 runs open at once.</summary>
    public const int DefaultFanIn = 64;

    /// <summary>Default read buffer per open run: 64 KiB.</summary>
    public const int DefaultBufferSize = 1 << 16;

    private readonly string _scratchDirectory;

    /// <summary>
    /// Creates a merger whose intermediate runs go to <paramref name="scratchDirectory"/> (created when needed), with
    /// at most <paramref name="fanIn"/> (default 64, at least 2) runs open, each read through
    /// <paramref name="bufferSize"/> bytes (default 64 KiB).
    /// </summary>
    public RunMerger(string scratchDirectory, int fanIn = DefaultFanIn, int bufferSize = DefaultBufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _scratchDirectory = scratchDirectory;
        FanIn = fanIn;
        BufferSize = bufferSize;
    }

    /// <summary>Most runs open at once.</summary>
    public int FanIn { get; }

    /// <summary>Read buffer per open run.</summary>
    public int BufferSize { get; }

    /// <summary>Intermediate merges done so far (0 when every merge fit in one pass).</summary>
    public int IntermediateMerges { get; private set; }

    /// <summary>
    /// Merges <paramref name="runs"/> (each sorted by key, any may repeat keys of others) into <paramref name="output"/>
    /// and returns the number of pairs written. Does not call <see cref="IKeyCountWriter.Complete"/>. The input runs
    /// are left in place; intermediate runs are deleted once merged.
    /// </summary>
    public long Merge(IReadOnlyList<string> runs, IKeyCountWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(output);
        var pending = new PriorityQueue<(string Path, bool Intermediate), long>();
        foreach (var run in runs)
        {
            pending.Enqueue((run, false), new FileInfo(run).Length);
        }

        while (pending.Count > FanIn)
        {
            // Merge just enough of the smallest runs that the rest fit the final pass: the least data rewritten.
            cancellationToken.ThrowIfCancellationRequested();
            var take = Math.Min(FanIn, pending.Count - FanIn + 1);
            var group = new List<(string Path, bool Intermediate)>(take);
            for (var i = 0; i < take; i++)
            {
                group.Add(pending.Dequeue());
            }

            var merged = Path.Combine(_scratchDirectory, $"merge-{IntermediateMerges + 1:D5}.kv");
            Directory.CreateDirectory(_scratchDirectory);
            using (var file = new FileStream(merged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            using (var writer = KeyValueCodec.CreateWriter(file, BufferSize))
            {
                MergeOnce(group.Select(g => g.Path).ToList(), writer, cancellationToken);
                writer.Complete();
            }

            IntermediateMerges++;
            foreach (var (path, intermediate) in group)
            {
                if (intermediate)
                {
                    File.Delete(path);
                }
            }

            pending.Enqueue((merged, true), new FileInfo(merged).Length);
        }

        var last = new List<(string Path, bool Intermediate)>(pending.Count);
        while (pending.Count > 0)
        {
            last.Add(pending.Dequeue());
        }

        var written = MergeOnce(last.Select(g => g.Path).ToList(), output, cancellationToken);
        foreach (var (path, intermediate) in last)
        {
            if (intermediate)
            {
                File.Delete(path);
            }
        }

        return written;
    }

    /// <summary>One k-way merge of at most <see cref="FanIn"/> runs.</summary>
    private long MergeOnce(IReadOnlyList<string> runs, IKeyCountWriter output, CancellationToken cancellationToken)
    {
        var queue = new PriorityQueue<RunCursor, RunCursor>(runs.Count, RunCursorComparer.Instance);
        var open = new List<RunCursor>(runs.Count);
        var pending = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                var cursor = new RunCursor(runs[i], i, BufferSize);
                open.Add(cursor);
                if (cursor.MoveNext())
                {
                    queue.Enqueue(cursor, cursor);
                }
            }

            long written = 0;
            var pendingLength = -1;
            long pendingCount = 0;
            while (queue.TryDequeue(out var cursor, out _))
            {
                var key = cursor.Key.Span;
                var order = pendingLength < 0 ? 1 : key.SequenceCompareTo(pending.AsSpan(0, pendingLength));
                if (order < 0)
                {
                    throw new InvalidDataException($"run {cursor.Path} is not sorted at key '{System.Text.Encoding.UTF8.GetString(key)}'");
                }

                if (order == 0)
                {
                    pendingCount = CountArithmetic.Add(pendingCount, cursor.Count, key);
                }
                else
                {
                    if (pendingLength >= 0)
                    {
                        output.Write(pending.AsSpan(0, pendingLength), pendingCount);
                        if ((++written & 0xFFFF) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }

                    if (key.Length > pending.Length)
                    {
                        ArrayPool<byte>.Shared.Return(pending);
                        pending = ArrayPool<byte>.Shared.Rent(key.Length);
                    }

                    key.CopyTo(pending);
                    pendingLength = key.Length;
                    pendingCount = cursor.Count;
                }

                if (cursor.MoveNext())
                {
                    queue.Enqueue(cursor, cursor);
                }
            }

            if (pendingLength >= 0)
            {
                output.Write(pending.AsSpan(0, pendingLength), pendingCount);
                written++;
            }

            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pending);
            foreach (var cursor in open)
            {
                cursor.Dispose();
            }
        }
    }
}
