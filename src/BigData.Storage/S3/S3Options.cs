using Amazon.Runtime;

namespace BigData.Storage.S3;

/// <summary>How to reach S3 or an S3-compatible store (<c>--s3-region</c>, <c>--s3-endpoint</c>, ...).</summary>
public sealed record S3Options
{
    /// <summary>
    /// The region (<c>--s3-region</c>). Default: <c>null</c>, meaning the <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>
    /// environment variable, else <c>us-east-1</c> (where Common Crawl's bucket lives). Profiles and instance metadata
    /// are not consulted for the region, so start-up never waits on a metadata endpoint.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>
    /// Endpoint of an S3-compatible store, for example <c>http://127.0.0.1:4568</c> (<c>--s3-endpoint</c>).
    /// Default: <c>null</c> (AWS). Setting it also switches request checksums and response validation to
    /// "when required" and uploads without aws-chunked encoding, which many compatible stores would store verbatim.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>Path-style addressing (<c>http://host/bucket/key</c>). Default: <c>null</c>, meaning on exactly when <see cref="Endpoint"/> is set.</summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>Unsigned requests, for buckets that allow public access (<c>--s3-anonymous</c>). Default: <c>false</c> (the SDK's default credential chain).</summary>
    public bool Anonymous { get; init; }

    /// <summary>Explicit credentials, for programmatic use and tests. Default: <c>null</c> (see <see cref="Anonymous"/>).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Keys per ListObjectsV2 page. Default: 1000 (the S3 maximum).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>Output objects at least this large are uploaded in parts (multipart upload). Default: 64 MiB.</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>Size of one multipart upload part (S3 requires at least 5 MiB except for the last). Default: 16 MiB.</summary>
    public long MultipartPartSize { get; init; } = 16L << 20;

    /// <summary>True when talking to an S3-compatible store rather than AWS.</summary>
    public bool HasCustomEndpoint => !string.IsNullOrEmpty(Endpoint);

    /// <summary>The region actually used (see <see cref="Region"/>).</summary>
    public string EffectiveRegion =>
        NonEmpty(Region)
        ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
        ?? "us-east-1";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (ListPageSize is < 1 or > 1000)
        {
            throw new ArgumentException($"S3 list page size must be between 1 and 1000, not {ListPageSize}");
        }

        // S3 refuses parts under 5 MiB (except the last); smaller values are allowed for tests against local stores.
        if (MultipartPartSize < 1 || MultipartThreshold < 1)
        {
            throw new ArgumentException("S3 multipart threshold and part size must be positive");
        }

        if (HasCustomEndpoint && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"--s3-endpoint is not an absolute URL: {Endpoint}");
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
