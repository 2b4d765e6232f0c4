using System.Text;
using TestSupport.S3;

namespace BigData.Cli.Tests.Storage;

/// <summary>
/// s3rver for the CLI tests, with one bucket laid out like Common Crawl: the sample files under
/// <see cref="WarcPrefix"/> and a gzip manifest <c>warc.paths.gz</c> of relative lines at the bucket root.
/// The CLI finds s3rver's key pair through the SDK's default credential chain: the environment variables
/// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set in this process for in-process runs and passed to real processes.
/// </summary>
public sealed class SampleS3rver : S3rverServer
{
    /// <summary>Where the sample files are, relative to the bucket root.</summary>
    public const string WarcPrefix = "crawl-data/CC-SAMPLE/segments/0/warc/";

    public SampleS3rver()
    {
        UseCredentialsFromEnvironment();
        Bucket = CreateBucket();
        var lines = new StringBuilder("# relative lines, as in Common Crawl's warc.paths.gz\n");
        foreach (var file in CountRuns.SampleFiles)
        {
            var key = WarcPrefix + Path.GetFileName(file);
            Put(Bucket, key, File.ReadAllBytes(file));
            lines.Append(key).Append('\n');
        }

        Put(Bucket, "warc.paths.gz", CountRuns.GzipText(lines.ToString()));
    }

    /// <summary>The seeded bucket (read-only for the tests; outputs go to buckets of their own).</summary>
    public string Bucket { get; }

    /// <summary>The manifest's location.</summary>
    public string Manifest => $"s3://{Bucket}/warc.paths.gz";
}

[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<SampleS3rver>
{
    public const string Name = "s3rver";
}
