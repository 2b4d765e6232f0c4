using System.Text;
using WarcUriCount.SparkPlan;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>A simulated Spark run: the rows the plan produced, the output lines and the counters.</summary>
public sealed record SimulatedRun(IReadOnlyList<PlanRow> Rows, IReadOnlyList<string> OutputLines, CounterSummary Counters)
{
    public long Counter(string name) => Counters.Counters.TryGetValue(name, out var v) ? v : 0;
}

/// <summary>
/// Runs a plan without Spark: files are split as Spark's text source splits them, the stages are evaluated by the Java
/// checker, and the aggregate's two grouping sets are summed here (they are plain GROUP BYs).
/// </summary>
public static class SparkJobSimulation
{
    public static IReadOnlyList<SimulatedRun> Run(IReadOnlyList<(SparkJobOptions Options, IReadOnlyList<(string Name, byte[] Bytes)> Files)> jobs)
    {
        var plans = jobs.Select(j => SparkPlanBuilder.Build(j.Options)).ToList();
        var groups = new List<PlanGroup>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var delimiter = Encoding.UTF8.GetBytes(plans[i].ReaderOptions["lineSep"]);
            var rows = jobs[i].Files
                .SelectMany(f => HadoopTextSplit.Split(f.Bytes, delimiter).Select(r => new TextRow(f.Name, r)))
                .ToList();
            groups.Add(new PlanGroup(plans[i].Stages, rows));
        }

        var results = JavaPlanChecker.Run(groups);
        var runs = new List<SimulatedRun>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var rows = results[i];
            var output = rows
                .Where(r => r.Bytes("key") != null)
                .GroupBy(r => Convert.ToHexString(r.Bytes("key")!))
                .Select(g => (Key: g.First().Bytes("key")!, Count: g.LongCount()))
                .OrderBy(k => k.Key, ByteOrder.Instance)
                .Select(k => Encoding.UTF8.GetString(k.Key) + "\t" + k.Count)
                .ToList();
            var counterRows = rows
                .GroupBy(r => (r.Status, Type: r.Text("type"), r.Problem, File: r.Text("file")))
                .Select(g => new CounterRow(g.Key.Status, g.Key.Type, g.Key.Problem, g.Key.File, g.LongCount()));
            runs.Add(new SimulatedRun(rows, output, CounterSummary.From(counterRows, jobs[i].Options.Key, jobs[i].Files.Count)));
        }

        return runs;
    }

    /// <summary>Ordinal byte order, as Spark sorts strings and LC_ALL=C sort does.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
