using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BigData.Storage.Inputs;
using BigData.Storage.S3;
using TestSupport;

namespace BigData.Storage.Tests.S3;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, in tests/tools/node_modules) as a process on 127.0.0.1 and
/// a free port, storing into a temporary directory. Missing node_modules is a failure that says how to install it.
/// </summary>
public sealed partial class S3rverFixture : IDisposable
{
    private readonly TempDirectory _data = new("bigdata-s3rver");
    private readonly Process _process;
    private readonly IAmazonS3 _client;
    private int _buckets;

    public S3rverFixture()
    {
        var script = RepoPaths.Of("tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"s3rver is not installed ({script} is missing): run scripts/test.sh, which installs the test tools " +
                "(or run `npm ci` in tests/tools).");
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
        _client = S3ClientFactory.Create(Options);
    }

    /// <summary>The server's URL.</summary>
    public string Endpoint { get; }

    /// <summary>Where s3rver keeps its objects (one file per object: bucket/key._S3rver_object).</summary>
    public string DataDirectory => _data.Path;

    /// <summary>Options for the server with s3rver's built-in key pair.</summary>
    public S3Options Options => new()
    {
        Endpoint = Endpoint,
        Credentials = new BasicAWSCredentials("S3RVER", "S3RVER"),
    };

    /// <summary>A client for seeding and checking (built the same way as the product's).</summary>
    public IAmazonS3 Client => _client;

    /// <summary>A new empty bucket, so tests sharing the server do not see each other's objects.</summary>
    public string CreateBucket()
    {
        var name = $"test-{Interlocked.Increment(ref _buckets)}-{Guid.NewGuid():N}"[..30];
        _client.PutBucketAsync(name).GetAwaiter().GetResult();
        return name;
    }

    public void Put(string bucket, string key, byte[] content) =>
        _client.PutObjectAsync(new PutObjectRequest
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

    public InputOptions InputOptions(Func<S3Options, S3Options>? s3 = null) => new()
    {
        S3 = s3 != null ? s3(Options) : Options,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
    };

    public void Dispose()
    {
        _client?.Dispose();
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

[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
