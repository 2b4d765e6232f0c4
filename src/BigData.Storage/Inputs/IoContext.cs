using System.Net;
using Amazon.S3;
using BigData.Storage.Inputs.Resilience;
using BigData.Storage.S3;

namespace BigData.Storage.Inputs;

/// <summary>
/// What the remote inputs of one job share: options, statistics (<c>io.retries</c>, <c>io.resumes</c>), the download
/// gate, the retry policy, one <see cref="HttpClient"/> and one S3 client (both created on first use). Input files
/// keep a reference to it: dispose it only after the job has finished reading.
/// </summary>
public sealed class IoContext : IDisposable
{
    private readonly Lazy<HttpClient> _http;
    private readonly Lazy<IAmazonS3> _s3;
    private readonly bool _ownsS3;

    /// <summary>
    /// A context for <paramref name="options"/> (validated here). <paramref name="s3Client"/> replaces the S3 client
    /// built from <see cref="InputOptions.S3"/> (the caller keeps ownership of it).
    /// </summary>
    public IoContext(InputOptions options, IAmazonS3? s3Client = null)
    {
        options.Validate();
        Options = options;
        Statistics = new IoStatistics();
        Gate = new DownloadGate(options.MaxConcurrentDownloads, Statistics);
        Retry = new RetryPolicy(options, Statistics);
        _http = new Lazy<HttpClient>(() => CreateHttpClient(options), LazyThreadSafetyMode.ExecutionAndPublication);
        _ownsS3 = s3Client == null;
        _s3 = s3Client != null
            ? new Lazy<IAmazonS3>(s3Client)
            : new Lazy<IAmazonS3>(() => S3ClientFactory.Create(options.S3, options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options.</summary>
    public InputOptions Options { get; }

    /// <summary>Retries, resumes and downloads of this context.</summary>
    public IoStatistics Statistics { get; }

    /// <summary>The bound on concurrent downloads.</summary>
    public DownloadGate Gate { get; }

    /// <summary>Backoff and retry counting.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>The shared HTTP client (no automatic decompression: inputs are read as raw bytes).</summary>
    public HttpClient Http => _http.Value;

    /// <summary>The shared S3 client.</summary>
    public IAmazonS3 S3 => _s3.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        if (_ownsS3 && _s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(InputOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,

            // Long-lived pooled connections would pin one server of a load-balanced host (data.commoncrawl.org).
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = options.ResponseTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("BigData/1.0");
        return client;
    }
}
