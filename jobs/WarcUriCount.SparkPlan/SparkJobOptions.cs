namespace WarcUriCount.SparkPlan;

/// <summary>The key rule of DESIGN.md §5.</summary>
public enum KeyRule
{
    /// <summary><c>scheme://host[:port]</c>, record-aware.</summary>
    Origin,

    /// <summary>The host alone, record-aware.</summary>
    Host,

    /// <summary>What the classic Python streaming mapper prints, line-oriented.</summary>
    Seed,
}

/// <summary>How the result is written.</summary>
public enum OutputFormat
{
    /// <summary>Parquet, schema <c>key: string, count: bigint</c>.</summary>
    Parquet,

    /// <summary>CSV with header <c>key,count</c>, RFC 4180 quoting.</summary>
    Csv,

    /// <summary><c>key&lt;TAB&gt;count</c> lines, no header, no quoting.</summary>
    Tsv,

    /// <summary>One JSON object per line: <c>{"key":…,"count":…}</c>.</summary>
    Jsonl,
}

/// <summary>
/// The options of the Spark driver. They mirror <c>bigdata count</c> where Spark can honour them exactly. Immutable;
/// each default is stated.
/// </summary>
public sealed record SparkJobOptions
{
    /// <summary>Input paths, directories or globs as Hadoop file system URIs (no scheme: the cluster's default FS). Default empty.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Manifest files listing one input per line (plain or .gz), read through Spark. Default empty.</summary>
    public IReadOnlyList<string> Manifests { get; init; } = [];

    /// <summary>Prefix for relative manifest entries (for example <c>s3a://commoncrawl/</c>). Default none.</summary>
    public string? InputBaseUrl { get; init; }

    /// <summary>Default <see cref="KeyRule.Origin"/>.</summary>
    public KeyRule Key { get; init; } = KeyRule.Origin;

    /// <summary>
    /// <c>WARC-Type</c> values to count, lowercased (ASCII); default <c>null</c>: every record with a target URI.
    /// </summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Output directory (required).</summary>
    public string Output { get; init; } = "";

    /// <summary>Default <see cref="OutputFormat.Parquet"/>.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Parquet;

    /// <summary>Number of output part files, range-partitioned by key; default <c>null</c>: Spark decides.</summary>
    public int? Partitions { get; init; }

    /// <summary>Default <c>false</c>: an existing output directory fails the job. <c>true</c> replaces it.</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Default <c>0</c>: a file with rows the plan cannot count exactly as the local runner would (see
    /// <see cref="ProblemKinds"/>) fails the job before anything is written. With N &gt; 0, up to N such files are
    /// left out whole (<c>files.failed</c>, listed on stderr), the rest is counted again without them, and the job
    /// succeeds; more than N fail it.
    /// </summary>
    public int MaxFailedFiles { get; init; }
}
