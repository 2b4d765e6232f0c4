using System.Globalization;
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
    /// <summary>Exit code when files could not be counted exactly and --max-failed-files does not allow leaving them out.</summary>
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
        var files = source.InputFiles().ToList();
        if (InputLocations.CodecRefusal(files) is { } refusal)
        {
            stderr.WriteLine("warc-uri-count (spark): " + refusal);
            return 2;
        }

        var inputFiles = files.Count;

        var (aggregate, summary) = Aggregate(source, inputFiles, failedFiles: 0, firstPass: null);
        if (summary.ProblemMessage() is { } problem)
        {
            aggregate.Unpersist();
            var failed = summary.AllProblemFiles;
            if (failed.Count > options.MaxFailedFiles)
            {
                stdout.Write(summary.ToTable());
                stderr.WriteLine("warc-uri-count (spark): no output written. " + problem);
                return InexactExitCode;
            }

            // Leave those files out whole, as failed files, and count the rest again (a second pass, only in this case).
            stderr.WriteLine($"warc-uri-count (spark): leaving out {failed.Count} file(s) (--max-failed-files {options.MaxFailedFiles}): " + problem);
            (aggregate, summary) = Aggregate(source.Filter(SparkJobPlan.ExcludeFilesFilter(failed)), inputFiles, failed.Count, summary);
            if (summary.ProblemRows > 0)
            {
                aggregate.Unpersist();
                stderr.WriteLine("warc-uri-count (spark): the rerun without the failed files still found problems; no output written");
                return InexactExitCode;
            }
        }

        try
        {
            stdout.WriteLine("warc-uri-count counters:");
            stdout.Write(summary.ToTable());
            Write(aggregate, summary);
            return 0;
        }
        finally
        {
            aggregate.Unpersist();
        }
    }

    /// <summary>
    /// Runs the stages and the one aggregation (both grouping sets in one pass over the input), caches it for the two
    /// reads that follow, and collects the counter rows.
    /// </summary>
    private (DataFrame Aggregate, CounterSummary Summary) Aggregate(DataFrame source, int inputFiles, int failedFiles, CounterSummary? firstPass)
    {
        var rows = source;
        foreach (var stage in plan.Stages)
        {
            rows = rows.SelectExpr([.. stage]);
        }

        rows.CreateOrReplaceTempView(SparkJobPlan.ViewName);
        var aggregate = spark.Sql(SparkJobPlan.AggregateSql).Cache();
        var counterRows = aggregate.Filter(SparkJobPlan.CounterRowsFilter)
            .SelectExpr([.. SparkJobPlan.CounterRowColumns])
            .Collect()
            .Select(r => new CounterRow(
                (string)r.Get(0),
                r.Get(1) as string,
                (string)r.Get(2),
                r.Get(3) as string,
                // The JVM bridge may hand a bigint over as an int when it is small.
                Convert.ToInt64(r.Get(4), CultureInfo.InvariantCulture)))
            .ToList();
        return (aggregate, CounterSummary.From(counterRows, plan.Options.Key, inputFiles, failedFiles, firstPass));
    }

    private void Write(DataFrame aggregate, CounterSummary summary)
    {
        var options = plan.Options;
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
        var countersPath = options.Output.TrimEnd('/') + "/" + SparkJobPlan.CountersDirectory;
        spark.Sql("SELECT " + SqlText.Literal(summary.ToJson()) + " AS value")
            .Coalesce(1)
            .Write()
            .Mode(SaveMode.Overwrite)
            .Text(countersPath);
        stdout.WriteLine($"warc-uri-count: wrote {options.Output} ({spec.Format}) and {countersPath}");
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
