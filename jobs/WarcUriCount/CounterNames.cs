namespace WarcUriCount;

/// <summary>
/// The counter names of DESIGN.md §6, shared by every runner. Invariant (record-aware key rules):
/// <c>records.total = records.keyed + records.no_uri + records.no_host + records.filtered</c>, and the output counts
/// sum to <c>records.keyed</c>. For the line-oriented <c>seed</c> rule the output sums to <c>lines.keyed</c>.
/// </summary>
public static class CounterNames
{
    /// <summary>Hadoop counter group.</summary>
    public const string Group = "warc-uri-count";

    public const string FilesOk = "files.ok";
    public const string FilesFailed = "files.failed";
    public const string RecordsTotal = "records.total";
    public const string RecordsKeyed = "records.keyed";
    public const string RecordsNoUri = "records.no_uri";
    public const string RecordsNoHost = "records.no_host";
    public const string RecordsFiltered = "records.filtered";

    /// <summary>Prefix of per-type counters; the type is lowercased: <c>records.by_type.response</c>.</summary>
    public const string RecordsByTypePrefix = "records.by_type.";

    public const string LinesTotal = "lines.total";
    public const string LinesKeyed = "lines.keyed";
    public const string LinesSeedError = "lines.seed_error";
    public const string BytesRead = "bytes.read";
    public const string BytesUncompressed = "bytes.uncompressed";

    /// <summary>Prefix of reader warnings: <c>warnings.&lt;kind&gt;</c>.</summary>
    public const string WarningsPrefix = "warnings.";
}
