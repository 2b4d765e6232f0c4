using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TestSupport.S3;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, in tests/tools/node_modules) as a process on 127.0.0.1 and
/// a free port, storing into a temporary directory. Missing node_modules is a failure that says how to install it.
/// Shared by every test project; a project that wants it once per run declares its own xunit collection over it
/// (collection definitions must live in the test assembly).
/// </summary>
public partial class S3rverServer : IDisposable
{
    /// <summary>s3rver's built-in access key id (and secret: both are "S3RVER").</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>s3rver's built-in secret key.</summary>
    public const string SecretKey = "S3RVER";

    private readonly TempDirectory _data = new("bigdata-s3rver");
    private readonly Process _process;
    private readonly Lazy<IAmazonS3> _client;
    private int _buckets;

    public S3rverServer()
    {
        var script = RepoPaths.Of("tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            _data.Dispose();
            throw new InvalidOperationException(
                $"s3rver is not installed ({script} is missing): run scripts/test.sh, which installs the test tools " +
                "(or run `npm install --no-save` in tests/tools).");
        }

        var info = new ProcessStartInfo("node")
        {
            // s3rver 3.7.1 encrypts list continuation tokens with DES, which OpenSSL 3 (Node 17+) only offers
            // through its legacy provider; without it every paginated listing is an InternalError.
            ArgumentList = { "--openssl-legacy-provider", script, "--directory", _data.Path, "--address", "127.0.0.1", "--port", "0", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        // s3rver prints "S3rver listening on 127.0.0.1:<port>" once it accepts connections.
        var port = Task.Run(() =>
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) != null)
            {
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return -1;
        });
        if (!port.Wait(TimeSpan.FromSeconds(60)) || port.Result < 0)
        {
            Dispose();
            throw new InvalidOperationException("s3rver did not start (no 'S3rver listening on' line within 60 s)");
        }

        Endpoint = $"http://127.0.0.1:{port.Result}";
        _client = new Lazy<IAmazonS3>(CreateClient, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The server's URL.</summary>
    public string Endpoint { get; } = string.Empty;

    /// <summary>Where s3rver keeps its objects (one file per object: bucket/key._S3rver_object).</summary>
    public string DataDirectory => _data.Path;

    /// <summary>The built-in key pair.</summary>
    public static AWSCredentials Credentials => new BasicAWSCredentials(AccessKey, SecretKey);

    /// <summary>
    /// The environment variables through which the AWS SDK's default credential chain finds the built-in key pair
    /// (for a CLI run as a real process, or in-process after <see cref="UseCredentialsFromEnvironment"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> CredentialEnvironment { get; } = new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
    };

    /// <summary>A client for seeding and checking (see <see cref="CreateClient"/>).</summary>
    public IAmazonS3 Client => _client.Value;

    /// <summary>
    /// Puts <see cref="CredentialEnvironment"/> into this process's environment, so code under test that relies on
    /// the SDK's default credential chain finds s3rver's key pair. Process-wide: only for test processes in which
    /// nothing talks to real AWS.
    /// </summary>
    public static void UseCredentialsFromEnvironment()
    {
        foreach (var (name, value) in CredentialEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>A new empty bucket, so tests sharing the server do not see each other's objects.</summary>
    public string CreateBucket()
    {
        var name = $"test-{Interlocked.Increment(ref _buckets)}-{Guid.NewGuid():N}"[..30];
        Client.PutBucketAsync(name).GetAwaiter().GetResult();
        return name;
    }

    public void Put(string bucket, string key, byte[] content) =>
        Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(content),
            UseChunkEncoding = false,
        }).GetAwaiter().GetResult();

    /// <summary>The object's bytes as s3rver stored them on disk (no S3 client involved).</summary>
    public byte[] StoredBytes(string bucket, string key)
    {
        var parts = key.Split('/');
        parts[^1] += "._S3rver_object";
        return File.ReadAllBytes(Path.Combine([_data.Path, bucket, .. parts]));
    }

    /// <summary>The keys under <paramref name="prefix"/>, in order (one listing page is plenty for tests).</summary>
    public IReadOnlyList<string> Keys(string bucket, string prefix = "")
    {
        var listed = Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }).GetAwaiter().GetResult();
        return (listed.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The object's bytes as a GET returns them.</summary>
    public byte[] Get(string bucket, string key)
    {
        using var response = Client.GetObjectAsync(bucket, key).GetAwaiter().GetResult();
        using var copy = new MemoryStream();
        response.ResponseStream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The client behind <see cref="Client"/>: path-style, built-in keys, checksums only when required and no SDK
    /// retries (what a client for an S3-compatible store needs). A subclass may build the product's client instead.
    /// </summary>
    protected virtual IAmazonS3 CreateClient() => new AmazonS3Client(Credentials, new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        if (_client?.IsValueCreated == true)
        {
            _client.Value.Dispose();
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex(@"S3rver listening on [^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}
