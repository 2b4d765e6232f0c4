namespace BigData.MapReduce.Streaming;

/// <summary>
/// Counter names of the streaming combine and reduce tasks, prefixed by the stage (<c>combine.</c> or
/// <c>reduce.</c>). They exist only when something happened, so a healthy job reports exactly the counters of the
/// local runner. The map task reports the job's and the runner's counters (<see cref="Local.RuntimeCounters"/>).
/// </summary>
public static class StreamCounters
{
    /// <summary>Lines without the field separator (TAB): no count to add.</summary>
    public const string MissingSeparator = "malformed.missing_tab";

    /// <summary>Lines whose count is empty, not a plain decimal integer, or beyond 64 bits.</summary>
    public const string BadCount = "malformed.bad_count";

    /// <summary>Lines longer than the line limit (skipped in bounded memory).</summary>
    public const string TooLong = "malformed.too_long";

    /// <summary>Sums that would overflow 64 bits: the key is written once per partial sum, so no count is lost.</summary>
    public const string SumOverflow = "sum_overflow";

    /// <summary>Keys smaller than the key before them: the input was not sorted in byte order.</summary>
    public const string OutOfOrder = "out_of_order";

    /// <summary>Distinct keys that are not valid UTF-8 (kept byte for byte, as Hadoop's Text keeps them).</summary>
    public const string NonUtf8Keys = "non_utf8_keys";

    /// <summary>The full counter name for <paramref name="stage"/>, e.g. <c>reduce.malformed.missing_tab</c>.</summary>
    public static string For(StreamStage stage, string name) => stage switch
    {
        StreamStage.Map => "map." + name,
        StreamStage.Combine => "combine." + name,
        _ => "reduce." + name,
    };
}
