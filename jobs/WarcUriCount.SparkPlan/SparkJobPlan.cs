namespace WarcUriCount.SparkPlan;

/// <summary>
/// The whole Spark job as data. The driver reads <c>Inputs</c> with <c>spark.Read().Options(ReaderOptions).Text(…)</c>,
/// applies each of <see cref="Stages"/> with <c>SelectExpr</c>, registers the result as <see cref="ViewName"/>,
/// runs <see cref="AggregateSql"/> once (one pass over the input gives both the key counts and the counter rows),
/// caches it, collects the counter rows (<see cref="CounterRowsFilter"/>), and writes the key rows
/// (<see cref="OutputRowsFilter"/>) sorted by key.
/// </summary>
public sealed record SparkJobPlan(
    SparkJobOptions Options,
    IReadOnlyDictionary<string, string> ReaderOptions,
    IReadOnlyList<IReadOnlyList<string>> Stages,
    OutputSpec Output)
{
    /// <summary>The temporary view the stages are registered as.</summary>
    public const string ViewName = "warc_uri_count_rows";

    /// <summary>
    /// One aggregation with two grouping sets: by key (the output), and by (status, type, problem, file) (the
    /// counters). In the key set <c>status</c> is NULL; in the counter set it never is.
    /// </summary>
    public const string AggregateSql =
        "SELECT key, status, type, problem, file, count(1) AS `count` FROM " + ViewName +
        " GROUP BY GROUPING SETS ((key), (status, type, problem, file))";

    /// <summary>Selects the counter rows of the aggregate.</summary>
    public const string CounterRowsFilter = "status IS NOT NULL";

    /// <summary>The counter rows' columns, in the order <see cref="CounterRow"/> takes them.</summary>
    public static IReadOnlyList<string> CounterRowColumns { get; } = ["status", "type", "problem", "file", "`count`"];

    /// <summary>Selects the output rows of the aggregate.</summary>
    public const string OutputRowsFilter = "status IS NULL AND key IS NOT NULL";

    /// <summary>The output rows' columns.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } = ["key", "`count`"];

    /// <summary>The directory under the output that holds the counters as one JSON line (ignored by readers: leading _).</summary>
    public const string CountersDirectory = "_counters";

    /// <summary>The column the output is sorted and range-partitioned by (ordinal byte order in Spark).</summary>
    public const string SortColumn = "key";

    /// <summary>
    /// A filter for the text source that leaves out <paramref name="files"/> (values of <c>input_file_name()</c>), for
    /// the rerun without the files the plan could not count exactly.
    /// </summary>
    public static string ExcludeFilesFilter(IEnumerable<string> files) => "input_file_name() NOT IN (" + SqlText.LiteralList(files) + ")";

    /// <summary>The columns every plan's last stage produces.</summary>
    public static IReadOnlyList<string> RowColumns { get; } = ["key", "status", "type", "problem", "file"];
}
