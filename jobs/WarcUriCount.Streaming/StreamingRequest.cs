using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming;

/// <summary>
/// A parsed <c>warc-uri-count</c> command line. The job options are those of <c>bigdata count</c> with the same
/// names, parsers and defaults (<c>--memory</c> excepted: 256MB here, see <see cref="StreamMapTaskOptions.MemoryBytes"/>).
/// </summary>
public sealed record StreamingRequest
{
    /// <summary>map, combine or reduce.</summary>
    public required StreamStage Stage { get; init; }

    /// <summary><c>--key</c>; null means the job's default (origin).</summary>
    public string? Key { get; init; }

    /// <summary><c>--types</c>; null means every record with a target URI.</summary>
    public string? Types { get; init; }

    /// <summary>The map task's options (<c>--memory</c>, <c>--max-attempts</c>, <c>--max-failed-files</c>, <c>--strict</c>, <c>--temp-dir</c>).</summary>
    public StreamMapTaskOptions Map { get; init; } = StreamMapTaskOptions.Default;

    /// <summary><c>--input-style</c>. Default: auto.</summary>
    public StreamInputStyle InputStyle { get; init; } = StreamInputStyle.Auto;

    /// <summary><c>--input-base-url</c>: prefix of relative location lines. Default: none.</summary>
    public string? InputBaseUrl { get; init; }

    /// <summary><c>--s3-region</c>. Default: from the environment, else us-east-1.</summary>
    public string? S3Region { get; init; }

    /// <summary><c>--s3-endpoint</c>. Default: AWS.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary><c>--s3-anonymous</c>. Default: off.</summary>
    public bool S3Anonymous { get; init; }

    /// <summary><c>--status-interval</c>: seconds between status lines. Default: 10.</summary>
    public TimeSpan StatusInterval { get; init; } = HadoopReporter.DefaultStatusInterval;

    /// <summary><c>--max-line-bytes</c>: longest combine/reduce input line. Default: 256MB.</summary>
    public int MaxLineBytes { get; init; } = StreamReduceOptions.Reduce.MaxLineBytes;
}
