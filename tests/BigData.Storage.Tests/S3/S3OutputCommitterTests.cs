using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BigData.Storage.Inputs;
using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3OutputCommitterTests(S3rverFixture s3)
{
    [Fact]
    public async Task Commit_PartsAndSideFile_UploadedByteExactWithSuccessLast()
    {
        var bucket = s3.CreateBucket();
        var parts = new Dictionary<string, byte[]>
        {
            ["part-00000"] = TestData.RandomBytes(300_000, seed: 1),
            ["part-00001"] = Encoding.UTF8.GetBytes("http://example.com\t3\nhttps://a.example\t1\n"),
            ["part-00002"] = [],
        };
        var counters = Encoding.UTF8.GetBytes("{\"records.total\":4}");
        var (client, recorder) = RecordingS3Client.Wrap(s3.Client);
        using var context = new IoContext(s3.InputOptions(), client);

        using (var committer = new S3OutputCommitter($"s3://{bucket}/out/job1", context, overwrite: false))
        {
            Assert.Equal($"s3://{bucket}/out/job1/", committer.Location);
            foreach (var (name, bytes) in parts.Reverse())
            {
                using var part = committer.CreatePart(name);
                part.Write(bytes);
            }

            committer.WriteSideFile("_counters.json", counters);
            committer.Commit();
        }

        var expected = parts.Append(new("_counters.json", counters)).Append(new("_SUCCESS", [])).ToDictionary();
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "out/job1/" });
        Assert.Equal(
            expected.Select(e => ("out/job1/" + e.Key, (long)e.Value.Length)).OrderBy(e => e.Item1, StringComparer.Ordinal),
            listed.S3Objects.Select(o => (o.Key, o.Size ?? -1)).OrderBy(e => e.Key, StringComparer.Ordinal));
        foreach (var (name, bytes) in expected)
        {
            // On disk as the store keeps it (catches aws-chunked framing stored verbatim) and as a GET returns it.
            Assert.Equal(bytes, s3.StoredBytes(bucket, "out/job1/" + name));
            using var resolver = new InputResolver(context);
            Assert.Equal(bytes, TestData.ReadAll(resolver.CreateFile($"s3://{bucket}/out/job1/{name}")));
        }

        var puts = recorder.KeysOf("PutObject").ToList();
        Assert.Equal("out/job1/_SUCCESS", puts[^1]);
        Assert.Equal(4, puts.Count - 1);
    }

    [Fact]
    public void Dispose_WithoutCommit_UploadsNothing()
    {
        var bucket = s3.CreateBucket();
        var (client, recorder) = RecordingS3Client.Wrap(s3.Client);
        using var context = new IoContext(s3.InputOptions(), client);

        using (var committer = new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: false))
        {
            using var part = committer.CreatePart("part-00000");
            part.Write("x\t1\n"u8);
            committer.WriteSideFile("_counters.json", "{}"u8);
        }

        Assert.Empty(ListKeys(bucket, "out/"));
        Assert.Empty(recorder.KeysOf("PutObject"));
        Assert.Empty(recorder.KeysOf("UploadPart"));
    }

    [Fact]
    public void Constructor_ExistingOutputWithoutOverwrite_RefusesNamingIt()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "out/part-00000", [1]);
        using var context = new IoContext(s3.InputOptions());

        var error = Assert.Throws<IOException>(() => new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: false));

        Assert.Contains($"output already exists: s3://{bucket}/out/", error.Message);
    }

    [Fact]
    public void Commit_Overwrite_DeletesOldObjectsSuccessFirstThenUploads()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "out/part-00000", [9, 9, 9]);
        s3.Put(bucket, "out/part-00007", [7]);
        s3.Put(bucket, "out/_SUCCESS", []);
        s3.Put(bucket, "outside/keep", [1]);
        var (client, recorder) = RecordingS3Client.Wrap(s3.Client);
        using var context = new IoContext(s3.InputOptions(), client);

        using (var committer = new S3OutputCommitter($"s3://{bucket}/out", context, overwrite: true))
        {
            using (var part = committer.CreatePart("part-00000"))
            {
                part.Write("new\t1\n"u8);
            }

            Assert.Equal(["out/_SUCCESS", "out/part-00000", "out/part-00007"], ListKeys(bucket, "out/")); // Untouched until commit.
            committer.Commit();
        }

        Assert.Equal(["out/_SUCCESS", "out/part-00000"], ListKeys(bucket, "out/"));
        Assert.Equal("new\t1\n"u8.ToArray(), s3.StoredBytes(bucket, "out/part-00000"));
        Assert.Equal([1], s3.StoredBytes(bucket, "outside/keep"));
        Assert.Equal("out/_SUCCESS", recorder.KeysOf("DeleteObject").First());
    }

    [Fact]
    public void Dispose_OverwriteWithoutCommit_LeavesOldOutputAlone()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "out/part-00000", [9]);
        s3.Put(bucket, "out/_SUCCESS", []);
        using var context = new IoContext(s3.InputOptions());

        using (var committer = new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: true))
        {
            using var part = committer.CreatePart("part-00000");
            part.Write([1, 2, 3]);
        }

        Assert.Equal(["out/_SUCCESS", "out/part-00000"], ListKeys(bucket, "out/"));
        Assert.Equal([9], s3.StoredBytes(bucket, "out/part-00000"));
    }

    [Fact]
    public void Commit_LargePart_UploadedInPartsByteExact()
    {
        var bucket = s3.CreateBucket();
        var bytes = TestData.RandomBytes(350_000, seed: 3);
        var (client, recorder) = RecordingS3Client.Wrap(s3.Client);
        var options = s3.InputOptions(o => o with { MultipartThreshold = 256_000, MultipartPartSize = 100_000 });
        using var context = new IoContext(options, client);

        using (var committer = new S3OutputCommitter($"s3://{bucket}/big/", context, overwrite: false))
        {
            using (var part = committer.CreatePart("part-00000"))
            {
                part.Write(bytes);
            }

            committer.Commit();
        }

        Assert.Equal(4, recorder.KeysOf("UploadPart").Count());
        Assert.Equal(bytes, s3.StoredBytes(bucket, "big/part-00000"));
        Assert.Equal(["big/_SUCCESS", "big/part-00000"], ListKeys(bucket, "big/"));
    }

    [Fact]
    public void Commit_UploadFails_NoSuccessMarker()
    {
        var bucket = s3.CreateBucket();
        var (client, _) = RecordingS3Client.Wrap(
            s3.Client,
            (operation, key) => operation == "PutObject" && key == "out/part-00001"
                ? new AmazonS3Exception("Access Denied", ErrorType.Sender, "AccessDenied", "req", System.Net.HttpStatusCode.Forbidden)
                : null);
        using var context = new IoContext(s3.InputOptions(), client);
        using var committer = new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: false);
        foreach (var name in new[] { "part-00000", "part-00001" })
        {
            using var part = committer.CreatePart(name);
            part.Write("a\t1\n"u8);
        }

        var error = Assert.Throws<InputException>(committer.Commit);

        Assert.Contains($"s3://{bucket}/out/part-00001", error.Message);
        Assert.Contains("AccessDenied", error.Message);
        Assert.DoesNotContain("out/_SUCCESS", ListKeys(bucket, "out/"));
    }

    [Fact]
    public void Commit_StoreKeepsAwsChunkedFraming_FailsWithoutSuccess()
    {
        // The trap itself: a client left at the SDK defaults uploads aws-chunked with a trailing checksum, which
        // s3rver stores verbatim. The committer's size check must catch it instead of writing _SUCCESS over bad parts.
        var bucket = s3.CreateBucket();
        var config = new AmazonS3Config { ServiceURL = s3.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        using var defaultClient = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), config);
        var options = s3.InputOptions(o => o with { Endpoint = null }); // As if it were AWS: chunked uploads allowed.
        using var context = new IoContext(options, defaultClient);
        using var committer = new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: false);
        using (var part = committer.CreatePart("part-00000"))
        {
            part.Write("http://example.com\t3\n"u8);
        }

        var error = Assert.Throws<IOException>(committer.Commit);

        Assert.Contains("uploaded 21 bytes", error.Message);
        Assert.NotEqual(21, s3.StoredBytes(bucket, "out/part-00000").Length);
        Assert.DoesNotContain("out/_SUCCESS", ListKeys(bucket, "out/"));
    }

    [Theory]
    [InlineData("s3://bucket/")]
    [InlineData("s3://bucket")]
    public void Constructor_BucketRoot_Refused(string location)
    {
        using var context = new IoContext(s3.InputOptions());

        var error = Assert.Throws<IOException>(() => new S3OutputCommitter(location, context, overwrite: true));

        Assert.Contains("root of a bucket", error.Message);
    }

    [Fact]
    public void CreatePart_SameNameTwice_Refused()
    {
        var bucket = s3.CreateBucket();
        using var context = new IoContext(s3.InputOptions());
        using var committer = new S3OutputCommitter($"s3://{bucket}/out/", context, overwrite: false);
        committer.CreatePart("part-00000").Dispose();

        Assert.Throws<ArgumentException>(() => committer.CreatePart("part-00000"));
        Assert.Throws<ArgumentException>(() => committer.CreatePart("../escape"));
    }

    private List<string> ListKeys(string bucket, string prefix) =>
        [.. (s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }).GetAwaiter().GetResult().S3Objects ?? [])
            .Select(o => o.Key)
            .Order(StringComparer.Ordinal)];
}
