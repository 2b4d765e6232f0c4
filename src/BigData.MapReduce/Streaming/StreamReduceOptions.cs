namespace BigData.MapReduce.Streaming;

/// <summary>How a streaming combine or reduce task sums its input. Immutable; every default is stated.</summary>
public sealed record StreamReduceOptions
{
    /// <summary>The options of a reducer with every default.</summary>
    public static StreamReduceOptions Reduce { get; } = new();

    /// <summary>The options of a combiner with every default.</summary>
    public static StreamReduceOptions Combine { get; } = new() { Stage = StreamStage.Combine };

    /// <summary>
    /// Default <see cref="StreamStage.Reduce"/>. Names the counters (<c>reduce.malformed.missing_tab</c>, …) and the
    /// messages. A reducer whose input is out of order fails (its output would hold a key twice); a combiner only
    /// reports it, since Hadoop sorts and sums a combiner's output again.
    /// </summary>
    public StreamStage Stage { get; init; } = StreamStage.Reduce;

    /// <summary>Default TAB: what separates key and count in the input lines.</summary>
    public string InputSeparator { get; init; } = HadoopTaskEnvironment.DefaultSeparator;

    /// <summary>Default TAB: what separates key and count in the output lines.</summary>
    public string OutputSeparator { get; init; } = HadoopTaskEnvironment.DefaultSeparator;

    /// <summary>
    /// Default 256 MiB (<see cref="Text.KeyValueReader.MaxLineBytes"/>, the local runner's limit): a longer input
    /// line is malformed (<c>too_long</c>); it is skipped in bounded memory and the task goes on.
    /// </summary>
    public int MaxLineBytes { get; init; } = Text.KeyValueReader.MaxLineBytes;

    /// <summary>Default 10: malformed lines described one by one on stderr; the rest are only counted (and summed up at the end).</summary>
    public int MaxReportedLines { get; init; } = 10;

    /// <summary>True for <see cref="StreamStage.Reduce"/>: out-of-order input fails the task.</summary>
    public bool FailOnUnsortedInput => Stage == StreamStage.Reduce;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Stage) || Stage == StreamStage.Map)
        {
            throw new ArgumentException($"a reduce task runs as combine or reduce, not {Stage}", nameof(Stage));
        }

        ArgumentException.ThrowIfNullOrEmpty(InputSeparator);
        ArgumentException.ThrowIfNullOrEmpty(OutputSeparator);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxReportedLines);
    }
}

/// <summary>The three kinds of streaming task.</summary>
public enum StreamStage
{
    /// <summary>The mapper.</summary>
    Map,

    /// <summary>The combiner (a reducer run on one map task's sorted output).</summary>
    Combine,

    /// <summary>The reducer.</summary>
    Reduce,
}
