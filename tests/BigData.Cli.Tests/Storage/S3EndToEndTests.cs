using TestSupport;
using TestSupport.S3;

namespace BigData.Cli.Tests.Storage;

/// <summary>
/// <c>bigdata count</c> against a real S3-compatible server (s3rver on 127.0.0.1) through AWSSDK.S3: inputs from a
/// gzip manifest and from a prefix listing, output uploaded to a prefix. Results must match a local run.
/// </summary>
[Collection(S3rverCollection.Name)]
public sealed class S3EndToEndTests(SampleS3rver s3) : IDisposable
{
    private readonly TempDirectory _temp = new("bigdata-cli-s3");

    private static byte[] Golden => File.ReadAllBytes(RepoPaths.Of("data", "sample.origin.expected.tsv"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Count_GzipManifestOfRelativeLinesOnS3_EqualsGoldenAndLocalCounters()
    {
        var run = CountRuns.ToDirectory(_temp, "--manifest", s3.Manifest, "--input-base-url", $"s3://{s3.Bucket}/", "--s3-endpoint", s3.Endpoint);

        Assert.True(run.Committed, run.Describe());
        TsvAssert.Equal(Golden, run.Tsv, "count of the sample through an S3 manifest");
        Assert.Equal(LocalBaseline.Sample.Tsv, run.Tsv);
        Assert.Equal(CountRuns.RecordCounters(LocalBaseline.Sample.Counters), CountRuns.RecordCounters(run.Counters));
        Assert.Equal(4, run.Counters.Counter("files.ok"));
        Assert.Equal(0, run.Counters.Counter("io.retries"));
    }

    [Fact]
    public void Count_S3PrefixListing_EqualsGoldenAndLocalCounters()
    {
        var run = CountRuns.ToDirectory(_temp, $"s3://{s3.Bucket}/{SampleS3rver.WarcPrefix}", "--s3-endpoint", s3.Endpoint);

        Assert.True(run.Committed, run.Describe());
        TsvAssert.Equal(Golden, run.Tsv, "count of the sample through an S3 prefix");
        Assert.Equal(CountRuns.RecordCounters(LocalBaseline.Sample.Counters), CountRuns.RecordCounters(run.Counters));
        Assert.Equal(LocalBaseline.Sample.Counters.Counter("bytes.read"), run.Counters.Counter("bytes.read"));
    }

    [Fact]
    public void Count_OutputToS3_UploadsPartsCountersAndSuccessLikeLocalRun()
    {
        var bucket = s3.CreateBucket();
        var local = CountRuns.ToDirectory(_temp, [.. CountRuns.SampleFiles]);
        var remote = CliHarness.InProcess(
            ["count", .. CountRuns.SampleFiles, "--output", $"s3://{bucket}/out/", "--s3-endpoint", s3.Endpoint,
             "--workers", CountRuns.Parallelism, "--reducers", CountRuns.Parallelism]);

        Assert.True(local.Committed, local.Describe());
        Assert.True(remote.ExitCode == 0, remote.Error);
        AssertUploadedLike(bucket, "out/", local);
    }

    [Fact]
    public void Count_ManifestAndOutputOnS3AsRealProcess_UsesDefaultCredentialChain()
    {
        var bucket = s3.CreateBucket();
        var remote = CliHarness.ProcessWithEnvironment(
            _temp.Path,
            S3rverServer.CredentialEnvironment,
            "count", "--manifest", s3.Manifest, "--input-base-url", $"s3://{s3.Bucket}/", "--s3-endpoint", s3.Endpoint,
            "--output", $"s3://{bucket}/run/", "--workers", CountRuns.Parallelism, "--reducers", CountRuns.Parallelism);

        Assert.True(remote.ExitCode == 0, remote.Error);
        Assert.Contains($"s3://{bucket}/run/", remote.Out, StringComparison.Ordinal);
        var local = CountRuns.ToDirectory(_temp, [.. CountRuns.SampleFiles]);
        AssertUploadedLike(bucket, "run/", local);
    }

    [Fact]
    public void Count_UnknownAccessKeyFromEnvironmentAsRealProcess_FailsNamingTheManifest()
    {
        // s3rver allows anonymous reads, so the runs above alone would not prove that the default chain picked up
        // the key pair from the environment: an unknown key id from there must be refused. (s3rver checks the key
        // id of SigV4 requests, not the signature, so a wrong secret would pass.)
        var environment = S3rverServer.CredentialEnvironment.ToDictionary();
        environment["AWS_ACCESS_KEY_ID"] = "NOT-S3RVER";
        var result = CliHarness.ProcessWithEnvironment(
            _temp.Path,
            environment,
            "count", "--manifest", s3.Manifest, "--input-base-url", $"s3://{s3.Bucket}/", "--s3-endpoint", s3.Endpoint, "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(s3.Manifest, result.Error, StringComparison.Ordinal);
        Assert.Contains("InvalidAccessKeyId", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Data);
    }

    /// <summary>The prefix holds the local run's parts byte for byte, its counters, and an empty <c>_SUCCESS</c>.</summary>
    private void AssertUploadedLike(string bucket, string prefix, CountRun local)
    {
        var localParts = local.Parts.Select(Path.GetFileName).ToList();
        Assert.Equal(
            localParts.Select(p => prefix + p).Append(prefix + "_SUCCESS").Append(prefix + "_counters.json").Order(StringComparer.Ordinal),
            s3.Keys(bucket, prefix));
        foreach (var part in localParts)
        {
            var expected = File.ReadAllBytes(Path.Combine(local.Directory, part!));
            Assert.Equal(expected, s3.Get(bucket, prefix + part));

            // As stored on disk too: a store that kept aws-chunked framing would differ here, not in the GET.
            Assert.Equal(expected, s3.StoredBytes(bucket, prefix + part));
        }

        Assert.Empty(s3.Get(bucket, prefix + "_SUCCESS"));
        var counters = s3.Get(bucket, prefix + "_counters.json");
        Assert.Equal(counters, s3.StoredBytes(bucket, prefix + "_counters.json"));
        var uploaded = CountRuns.CountersOf(counters);
        var expectedCounters = local.Counters.Where(c => !c.Key.StartsWith("io.", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(expectedCounters, uploaded.Where(c => !c.Key.StartsWith("io.", StringComparison.Ordinal)).ToDictionary());
        Assert.Equal(0, uploaded.Counter("io.retries"));
    }
}
