using WarcUriCount;

namespace BigData.Cli.Commands;

/// <summary>A parsed and validated <c>bigdata count</c> invocation.</summary>
public sealed record CountRequest
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public required WarcUriCountOptions Job { get; init; }

    /// <summary>Directory, <c>s3://…</c>, <c>-</c> for stdout, or null for <see cref="CountCommand.DefaultOutput"/>.</summary>
    public string? Output { get; init; }

    public required int Workers { get; init; }
    public int? Reducers { get; init; }
    public required long MemoryBytes { get; init; }
    public required int MaxAttempts { get; init; }
    public int? MaxFailedFiles { get; init; }
    public bool Strict { get; init; }
    public bool Overwrite { get; init; }
    public required StorageSettings Storage { get; init; }

    /// <summary>True when results go to stdout.</summary>
    public bool ToStdout => Output == "-";
}
