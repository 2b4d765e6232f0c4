namespace BigData.Cli.Terminal;

/// <summary>What the summary shows at the end of a run, independent of the runner's own types.</summary>
public sealed record CountSummary
{
    public required string OutputLocation { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Summed wall time of every map and reduce task attempt.</summary>
    public required TimeSpan TaskTime { get; init; }

    public required int Workers { get; init; }

    /// <summary>Map tasks each worker ran, indexed by worker.</summary>
    public required IReadOnlyList<int> TasksPerWorker { get; init; }

    public required IReadOnlyList<KeyValuePair<string, long>> Counters { get; init; }
    public required IReadOnlyList<KeyValuePair<byte[], long>> TopKeys { get; init; }
    public required IReadOnlyList<(string Location, string Message)> FailedFiles { get; init; }
    public required IReadOnlyList<string> WarningSamples { get; init; }

    /// <summary>The speed-up the summed task time implies over one core.</summary>
    public double SpeedUp => Elapsed.TotalSeconds > 0 ? TaskTime.TotalSeconds / Elapsed.TotalSeconds : 0;

    /// <summary>A counter's value, or 0.</summary>
    public long Counter(string name) => Counters.FirstOrDefault(c => c.Key == name).Value;
}
