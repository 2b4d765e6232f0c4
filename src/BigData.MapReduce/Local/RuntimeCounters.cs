namespace BigData.MapReduce.Local;

/// <summary>Counter names the runner itself maintains (the job adds its own, such as <c>records.total</c>).</summary>
public static class RuntimeCounters
{
    /// <summary>Input files whose map task committed.</summary>
    public const string FilesOk = "files.ok";

    /// <summary>Input files the job gave up on.</summary>
    public const string FilesFailed = "files.failed";

    /// <summary>Raw (possibly compressed) input bytes read by committed attempts.</summary>
    public const string BytesRead = "bytes.read";

    /// <summary>Uncompressed bytes consumed by committed attempts.</summary>
    public const string BytesUncompressed = "bytes.uncompressed";

    /// <summary>Prefix of the per-kind warning counters.</summary>
    public const string WarningsPrefix = "warnings.";
}
