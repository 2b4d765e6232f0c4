namespace WarcUriCount.SparkPlan;

/// <summary>The <c>status</c> column of a plan row: how the row counts (DESIGN.md §6).</summary>
public static class RowStatus
{
    public const string Keyed = "keyed";
    public const string NoUri = "no_uri";
    public const string NoHost = "no_host";
    public const string Filtered = "filtered";

    /// <summary>A row of the record-aware plan that does not start with a WARC version line.</summary>
    public const string NotARecord = "not_a_record";

    /// <summary>Seed rule: a <c>WARC-Target-URI:</c> line where the classic mapper would crash.</summary>
    public const string SeedError = "seed_error";

    /// <summary>Seed rule: any other line.</summary>
    public const string OtherLine = "other";
}

/// <summary>
/// The <c>problem</c> column: why a row may not be counted exactly as the local runner counts it. A file with any of
/// them fails the job before output is written, or is left out whole within <see cref="SparkJobOptions.MaxFailedFiles"/>;
/// each becomes the counter <c>warnings.spark_&lt;kind&gt;</c>.
/// </summary>
public static class ProblemKinds
{
    /// <summary>A row that does not start with a version line: a non-archive file, or text before the first record.</summary>
    public const string NotARecord = "not_a_record";

    /// <summary>
    /// The row's length disagrees with its Content-Length: a payload contained the record separator, or a record
    /// began with a version line the separator does not match (for example lowercase <c>warc/</c> after the first).
    /// </summary>
    public const string LengthMismatch = "length_mismatch";

    /// <summary>The key would contain bytes that are not valid UTF-8: Spark's regex functions would replace them.</summary>
    public const string InvalidUtf8Key = "invalid_utf8_key";

    /// <summary>A header block longer than the local reader's limit (1 MiB): the reader drops such a record.</summary>
    public const string HeaderTooLong = "header_too_long";

    /// <summary>
    /// Seed rule: a line that starts with the gzip magic bytes. Hadoop decompresses by file name and the local runner by
    /// magic bytes, so this is a gzip file without a .gz name, which Spark would read as compressed bytes.
    /// </summary>
    public const string GzipWithoutGzName = "gzip_without_gz_name";

    /// <summary>Every kind of the record-aware rules, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [NotARecord, LengthMismatch, HeaderTooLong, InvalidUtf8Key];

    /// <summary>Every kind of the seed rule, in a stable order.</summary>
    public static IReadOnlyList<string> Seed { get; } = [GzipWithoutGzName, InvalidUtf8Key];

    /// <summary>The counter name of <paramref name="kind"/>.</summary>
    public static string CounterName(string kind) => CounterNames.WarningsPrefix + "spark_" + kind;
}
