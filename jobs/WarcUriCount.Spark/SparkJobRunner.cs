using Microsoft.Spark.Sql;
using WarcUriCount.SparkPlan;
using static Microsoft.Spark.Sql.Functions;

namespace WarcUriCount.Spark;

/// <summary>
/// Applies a <see cref="SparkJobPlan"/> with the DataFrame API. Everything the cluster runs is built-in Spark SQL
/// (the plan's expression text), so executors need no Microsoft.Spark.Worker. Uses only API that Microsoft.Spark 2.0.0
/// and 2.3.1 share.
/// </summary>
internal sealed class SparkJobRunner(SparkSession spark, SparkJobPlan plan, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Exit code when rows could not be counted exactly and --allow-inexact was not given.</summary>
    public const int InexactExitCode = 3;

    public int Run()
    {
        var options = plan.Options;
        var inputs = ResolveInputs();
        if (inputs.Count == 0)
        {
            stderr.WriteLine("warc-uri-count (spark): the manifests list no input");
            return 2;
        }

        var source = spark.Read().Options(new Dictionary<string, string>(plan.ReaderOptions)).Text([.. inputs]);
        var inputFiles = source.InputFiles().Count();

        var rows = source;
        foreach (var stage in plan.Stages)
        {
            rows = rows.SelectExpr([.. stage]);
        }

        rows.CreateOrReplaceTempView(SparkJobPlan.ViewName);

        // One pass over the input: both grouping sets come out of the same aggregation, cached for the two reads below.
        var aggregate = spark.Sql(SparkJobPlan.AggregateSql).Cache();
        try
        {
            var counterRows = aggregate.Filter(SparkJobPlan.CounterRowsFilter)
                .SelectExpr([.. SparkJobPlan.CounterRowColumns])
                .Collect()
                .Select(r => new CounterRow(
                    (string)r.Get(0),
                    r.Get(1) as string,
                    (string)r.Get(2),
                    r.Get(3) as string,
                    Convert.ToInt64(r.Get(4), System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var summary = CounterSummary.From(counterRows, options.Key, inputFiles);
            stdout.WriteLine("warc-uri-count counters:");
            stdout.Write(summary.ToTable());

            var problem = summary.ProblemMessage();
            if (problem != null && !options.AllowInexact)
            {
                stderr.WriteLine("warc-uri-count (spark): " + problem);
                return InexactExitCode;
            }

            if (problem != null)
            {
                stderr.WriteLine("warc-uri-count (spark): warning, --allow-inexact: " + problem);
            }

            var output = aggregate.Filter(SparkJobPlan.OutputRowsFilter).SelectExpr([.. SparkJobPlan.OutputColumns]);
            output = options.Partitions is int n
                ? output.RepartitionByRange(n, Col(SparkJobPlan.SortColumn)).SortWithinPartitions(SparkJobPlan.SortColumn)
                : output.OrderBy(SparkJobPlan.SortColumn);

            var spec = plan.Output;
            output.SelectExpr([.. spec.Projection])
                .Write()
                .Format(spec.Format)
                .Options(new Dictionary<string, string>(spec.Options))
                .Mode(spec.Overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                .Save(options.Output);

            // Beside the output, hidden from Spark, Hive and Hadoop readers by the leading underscore.
            spark.Sql("SELECT " + SqlText.Literal(summary.ToJson()) + " AS value")
                .Coalesce(1)
                .Write()
                .Mode(SaveMode.Overwrite)
                .Text(options.Output.TrimEnd('/') + "/_counters");
            stdout.WriteLine($"warc-uri-count: wrote {options.Output} ({spec.Format}) and {options.Output.TrimEnd('/')}/_counters");
            return 0;
        }
        finally
        {
            aggregate.Unpersist();
        }
    }

    private List<string> ResolveInputs()
    {
        var inputs = new List<string>(plan.Options.Inputs);
        foreach (var manifest in plan.Options.Manifests)
        {
            // Read through Spark so that manifests on HDFS or S3, plain or .gz, work like inputs do.
            var lines = spark.Read().Text(manifest).Collect().Select(r => (string)r.Get(0));
            inputs.AddRange(InputLocations.FromManifest(lines, plan.Options.InputBaseUrl, manifest));
        }

        return inputs;
    }
}
