using BigData.Storage.S3;

namespace BigData.Storage.Inputs;

/// <summary>
/// How inputs are found, selected and read. Shared by every runner: the CLI maps its options onto this record.
/// </summary>
public sealed record InputOptions
{
    /// <summary>
    /// Prefix joined to manifest lines that have no scheme (<c>--input-base-url</c>), for example
    /// <c>https://data.commoncrawl.org/</c>, <c>s3://commoncrawl/</c> or a local directory. Default: <c>null</c>
    /// (a relative manifest line is then an error naming the line).
    /// </summary>
    public string? InputBaseUrl { get; init; }

    /// <summary>Keep at most this many inputs, after sampling, in input order (<c>--limit</c>). Default: <c>null</c> (all).</summary>
    public int? Limit { get; init; }

    /// <summary>
    /// Keep each input with this probability (<c>--sample</c>, in (0, 1]), decided by a hash of its location and
    /// <see cref="Seed"/>, so the same inputs are picked whatever their order. Default: <c>null</c> (keep all).
    /// </summary>
    public double? SampleFraction { get; init; }

    /// <summary>Seed of <see cref="SampleFraction"/> (<c>--seed</c>). Default: 0.</summary>
    public long Seed { get; init; }

    /// <summary>S3 settings. Default: AWS, default credential chain, region from the environment or us-east-1.</summary>
    public S3Options S3 { get; init; } = new();

    /// <summary>Longest wait for a TCP (and TLS) connection. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the response headers of one request. Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait for the next bytes of a response body; a stalled body is dropped and resumed with a ranged GET.
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Downloads (HTTP or S3) open at the same time in one process; a download holds its slot while its stream is
    /// open, further opens wait. Default: 8.
    /// </summary>
    public int MaxConcurrentDownloads { get; init; } = 8;

    /// <summary>
    /// Failed attempts retried in a row before a download (or an S3 listing or upload) gives up; the count starts
    /// again whenever bytes arrive. Default: 8.
    /// </summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>Backoff ceiling of the first retry; it doubles per retry (full jitter: a random wait up to the ceiling). Default: 200 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest wait between two attempts, also the cap on a server's <c>Retry-After</c>. Default: 30 seconds.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Limit is < 1)
        {
            throw new ArgumentException($"--limit must be at least 1, not {Limit}");
        }

        if (SampleFraction is { } f && !(f > 0 && f <= 1))
        {
            throw new ArgumentException($"--sample must be a fraction in (0, 1], not {f}");
        }

        if (MaxConcurrentDownloads < 1)
        {
            throw new ArgumentException($"max concurrent downloads must be at least 1, not {MaxConcurrentDownloads}");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"max retries must not be negative, not {MaxRetries}");
        }

        if (ConnectTimeout <= TimeSpan.Zero || ResponseTimeout <= TimeSpan.Zero || ReadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("timeouts must be positive");
        }

        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw new ArgumentException("backoff must satisfy 0 <= initial <= max");
        }

        S3.Validate();
    }
}
