using System.Globalization;
using System.Text;
using BigData.MapReduce.Keys;
using TestSupport;

namespace Conformance.Tests;

/// <summary>How a simulated Hadoop Streaming job is set up.</summary>
public sealed record StreamingJobSpec
{
    /// <summary>The input files.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>
    /// <c>warc</c>: one map task per file, fed what TextInputFormat delivers (<see cref="StreamingHadoopTextInput"/>);
    /// <c>locations</c>: the file paths as a list, split into <see cref="MapTasks"/> map tasks as NLineInputFormat
    /// would (lines as <c>offset&lt;TAB&gt;path</c>).
    /// </summary>
    public required string InputStyle { get; init; }

    /// <summary>The job options given to every stage, e.g. <c>--key host</c>.</summary>
    public IReadOnlyList<string> JobArguments { get; init; } = [];

    /// <summary>Map tasks of the locations style (at most one per file). Default: 1.</summary>
    public int MapTasks { get; init; } = 1;

    /// <summary>Reduce tasks; 0 is a map-only job (-numReduceTasks 0). Default: 1.</summary>
    public int Reducers { get; init; } = 1;

    /// <summary>Run the combiner on each map task's sorted output per partition. Default: true.</summary>
    public bool Combiner { get; init; } = true;

    /// <summary>The executable. Default: the build output beside the tests.</summary>
    public StreamingExecutable Executable { get; init; } = StreamingExecutable.Built;
}

/// <summary>What a simulated job produced.</summary>
/// <param name="Failure">Why the job failed (a task exited non-zero, a codec failed), or null.</param>
/// <param name="Output">The part files concatenated in order (map outputs for a map-only job).</param>
/// <param name="Parts">Each part file.</param>
/// <param name="Counters">Every task's counter lines summed, as Hadoop sums them.</param>
/// <param name="Stderr">Every task's stderr, each under a header naming the task.</param>
public sealed record StreamingJobOutcome(string? Failure, byte[] Output, IReadOnlyList<byte[]> Parts, IReadOnlyDictionary<string, long> Counters, string Stderr)
{
    /// <summary>A counter's value, 0 when absent.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var v) ? v : 0;
}

/// <summary>
/// A small Hadoop Streaming in the test suite: runs <c>warc-uri-count map</c> as one real process per map task,
/// partitions each map task's output with Hadoop's hash partitioner, sorts each piece with <c>LC_ALL=C sort</c> and
/// runs <c>warc-uri-count combine</c> on it (as Hadoop runs a combiner per spill), then per reducer merges the pieces,
/// sorts them with <c>LC_ALL=C sort</c>, runs <c>warc-uri-count reduce</c> and keeps its stdout as
/// <c>part-0000r</c>. A task that exits non-zero fails the job (Hadoop would retry it and fail the same way:
/// these failures are deterministic). Sets the task environment variables Hadoop sets.
/// </summary>
public static class StreamingSimulator
{
    /// <summary>Runs the job described by <paramref name="spec"/>.</summary>
    public static StreamingJobOutcome Run(StreamingJobSpec spec)
    {
        var stderr = new StringBuilder();
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var partitions = Math.Max(spec.Reducers, 1);
        var pieces = Enumerable.Range(0, partitions).Select(_ => new List<byte[]>()).ToArray();
        var mapOutputs = new List<byte[]>();

        var mapInputs = MapInputs(spec);
        for (var m = 0; m < mapInputs.Count; m++)
        {
            var (stdin, inputFile, codecFailure) = mapInputs[m];
            if (codecFailure != null)
            {
                return Failed($"map task {m} failed: {codecFailure}", counters, stderr);
            }

            var result = RunTask(spec, "map", m, stdin!, inputFile, stderr, counters, ["--input-style", spec.InputStyle]);
            if (result.ExitCode != 0)
            {
                return Failed($"map task {m} exited with {result.ExitCode}", counters, stderr);
            }

            if (spec.Reducers == 0)
            {
                mapOutputs.Add(result.Stdout);
                continue;
            }

            var split = Partition(result.Stdout, partitions);
            for (var p = 0; p < partitions; p++)
            {
                var piece = split[p];
                if (spec.Combiner && piece.Length > 0)
                {
                    var combined = RunTask(spec, "combine", m, Sort(piece), null, stderr, counters, []);
                    if (combined.ExitCode != 0)
                    {
                        return Failed($"combiner of map task {m} exited with {combined.ExitCode}", counters, stderr);
                    }

                    piece = combined.Stdout;
                }

                pieces[p].Add(piece);
            }
        }

        if (spec.Reducers == 0)
        {
            return new StreamingJobOutcome(null, [.. mapOutputs.SelectMany(o => o)], mapOutputs, counters, stderr.ToString());
        }

        var parts = new List<byte[]>();
        for (var r = 0; r < partitions; r++)
        {
            var reduced = RunTask(spec, "reduce", r, Sort([.. pieces[r].SelectMany(p => p)]), null, stderr, counters, []);
            if (reduced.ExitCode != 0)
            {
                return Failed($"reduce task {r} exited with {reduced.ExitCode}", counters, stderr);
            }

            parts.Add(reduced.Stdout);
        }

        return new StreamingJobOutcome(null, [.. parts.SelectMany(p => p)], parts, counters, stderr.ToString());
    }

    /// <summary>Sorts bytes with <c>LC_ALL=C sort</c>.</summary>
    public static byte[] Sort(byte[] lines)
    {
        var sorted = ProcessRunner.Run("sort", [], lines, new Dictionary<string, string?> { ["LC_ALL"] = "C" });
        Assert.True(sorted.ExitCode == 0, "sort failed: " + sorted.Stderr);
        return sorted.Stdout;
    }

    /// <summary>Splits map output lines by Hadoop's hash partitioner on the key (the bytes before the first TAB).</summary>
    public static byte[][] Partition(byte[] mapOutput, int partitions)
    {
        var streams = Enumerable.Range(0, partitions).Select(_ => new MemoryStream()).ToArray();
        var rest = mapOutput.AsSpan();
        while (!rest.IsEmpty)
        {
            var lf = rest.IndexOf((byte)'\n');
            var line = lf < 0 ? rest : rest[..(lf + 1)];
            rest = lf < 0 ? default : rest[(lf + 1)..];
            var tab = line.IndexOf((byte)'\t');
            var key = tab < 0 ? line.TrimEnd((byte)'\n') : line[..tab];
            var target = streams[HadoopHashPartitioner.GetPartition(key, partitions)];
            target.Write(line);
            if (lf < 0)
            {
                target.WriteByte((byte)'\n');
            }
        }

        return [.. streams.Select(s => s.ToArray())];
    }

    /// <summary>The map tasks' stdin: one re-lined file each (warc), or NLineInputFormat splits of the path list (locations).</summary>
    private static List<(byte[]? Stdin, string? InputFile, string? CodecFailure)> MapInputs(StreamingJobSpec spec)
    {
        if (spec.InputStyle == "warc")
        {
            return [.. spec.Inputs.Select(path =>
            {
                var (stdin, failure) = StreamingHadoopTextInput.Deliver(path);
                return (stdin, (string?)("file://" + Path.GetFullPath(path)), failure);
            })];
        }

        Assert.Equal("locations", spec.InputStyle);
        var perTask = Math.Max(1, (spec.Inputs.Count + spec.MapTasks - 1) / Math.Max(1, spec.MapTasks));
        var tasks = Math.Max(1, (spec.Inputs.Count + perTask - 1) / perTask);
        var list = new List<(byte[]?, string?, string?)>();
        long offset = 0;
        for (var t = 0; t < tasks; t++)
        {
            var lines = new StringBuilder();
            foreach (var path in spec.Inputs.Skip(t * perTask).Take(perTask))
            {
                var line = Path.GetFullPath(path);
                lines.Append(offset.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(line).Append('\n');
                offset += Encoding.UTF8.GetByteCount(line) + 1;
            }

            list.Add((Encoding.UTF8.GetBytes(lines.ToString()), "file:///job/input/locations.txt", null));
        }

        return list;
    }

    private static ProcessResult RunTask(
        StreamingJobSpec spec, string stage, int partition, byte[] stdin, string? inputFile, StringBuilder stderr,
        Dictionary<string, long> counters, IReadOnlyList<string> extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["mapreduce_task_partition"] = partition.ToString(CultureInfo.InvariantCulture),
            ["mapreduce_task_attempt_id"] = $"attempt_sim_0001_{(stage == "reduce" ? 'r' : 'm')}_{partition:D6}_0",
        };
        if (inputFile != null)
        {
            environment["mapreduce_map_input_file"] = inputFile;
        }

        var result = spec.Executable.Run([stage, .. spec.JobArguments, .. extra], stdin, environment);
        stderr.Append("== ").Append(stage).Append(' ').Append(partition).Append(" (exit ").Append(result.ExitCode).Append(")\n").Append(result.Stderr);
        StreamingReporterLines.AddCounters(counters, result.Stderr);
        return result;
    }

    private static StreamingJobOutcome Failed(string why, Dictionary<string, long> counters, StringBuilder stderr) =>
        new(why, [], [], counters, stderr.ToString());
}
