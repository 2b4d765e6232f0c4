using BigData.Storage.Inputs;
using BigData.Storage.S3;

namespace BigData.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3InputTests(S3rverFixture s3)
{
    [Fact]
    public void Expand_PrefixWithMoreKeysThanAPage_ListsEveryObjectInKeyOrder()
    {
        var bucket = s3.CreateBucket();
        var keys = Enumerable.Range(0, 11).Select(i => $"crawl/seg-{i % 3}/f{i:D2}.warc.gz").ToList();
        foreach (var key in keys)
        {
            s3.Put(bucket, key, TestData.RandomBytes(100 + keys.IndexOf(key), seed: 1));
        }

        s3.Put(bucket, "crawl-other/x.warc.gz", [1]); // Shares the string prefix "crawl", not the directory.
        s3.Put(bucket, "crawl/empty-dir/", []);       // A directory marker is not an input.
        using var resolver = new InputResolver(s3.InputOptions(o => o with { ListPageSize = 3 }));

        var files = resolver.Expand($"s3://{bucket}/crawl/");

        Assert.Equal(keys.Order(StringComparer.Ordinal).Select(k => $"s3://{bucket}/{k}"), files.Select(f => f.Location));
        Assert.All(files, f => Assert.Equal(100 + keys.IndexOf(((S3InputFile)f).Object.Key), f.Length));
    }

    [Fact]
    public void Expand_ExactKey_IsThatObjectWithItsSize()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "dir/a.warc.gz", new byte[123]);
        s3.Put(bucket, "dir/a.warc.gz.bak", new byte[5]);
        using var resolver = new InputResolver(s3.InputOptions());

        var file = Assert.Single(resolver.Expand($"s3://{bucket}/dir/a.warc.gz"));

        Assert.Equal($"s3://{bucket}/dir/a.warc.gz", file.Location);
        Assert.Equal(123, file.Length);
    }

    [Fact]
    public void Expand_KeyWithoutSlashThatIsADirectory_ListsItLikeAPrefix()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "dir-x/z.warc.gz", [1]); // Sorts before "dir/" and must not be taken.
        s3.Put(bucket, "dir/a.warc.gz", [1]);
        s3.Put(bucket, "dir/b.warc.gz", [2]);
        using var resolver = new InputResolver(s3.InputOptions());

        var files = resolver.Expand($"s3://{bucket}/dir");

        Assert.Equal([$"s3://{bucket}/dir/a.warc.gz", $"s3://{bucket}/dir/b.warc.gz"], files.Select(f => f.Location));
    }

    [Fact]
    public void Expand_NothingThere_NamesTheLocation()
    {
        var bucket = s3.CreateBucket();
        using var resolver = new InputResolver(s3.InputOptions());

        var missing = Assert.Throws<InputException>(() => resolver.Expand($"s3://{bucket}/nothing"));
        var empty = Assert.Throws<InputException>(() => resolver.Expand($"s3://{bucket}/nothing/"));

        Assert.Equal($"no such object or prefix: s3://{bucket}/nothing", missing.Message);
        Assert.Equal($"no objects under s3://{bucket}/nothing/", empty.Message);
    }

    [Fact]
    public void OpenRead_Objects_ByteIdenticalToWhatWasStored()
    {
        var bucket = s3.CreateBucket();
        var large = TestData.RandomBytes(3_000_000, seed: 11);
        var small = TestData.RandomBytes(10, seed: 12);
        s3.Put(bucket, "large.warc.gz", large);
        s3.Put(bucket, "small.warc.gz", small);
        s3.Put(bucket, "empty.warc.gz", []);
        using var resolver = new InputResolver(s3.InputOptions());

        Assert.Equal(large, TestData.ReadAll(resolver.CreateFile($"s3://{bucket}/large.warc.gz")));
        Assert.Equal(small, TestData.ReadAll(resolver.CreateFile($"s3://{bucket}/small.warc.gz")));
        Assert.Empty(TestData.ReadAll(resolver.CreateFile($"s3://{bucket}/empty.warc.gz")));
        Assert.Equal(large, s3.StoredBytes(bucket, "large.warc.gz"));
        Assert.Equal(0, resolver.Statistics.Retries + resolver.Statistics.Resumes);
    }

    [Fact]
    public void OpenRead_Anonymous_ReadsWhereTheStoreAllowsIt()
    {
        var bucket = s3.CreateBucket();
        var content = TestData.RandomBytes(5000, seed: 5);
        s3.Put(bucket, "public.warc.gz", content);
        using var resolver = new InputResolver(s3.InputOptions(o => o with { Credentials = null, Anonymous = true }));

        Assert.Equal(content, TestData.ReadAll(resolver.CreateFile($"s3://{bucket}/public.warc.gz")));
    }

    [Fact]
    public void OpenRead_MissingKey_FailsAtOnceNamingTheObject()
    {
        var bucket = s3.CreateBucket();
        using var resolver = new InputResolver(s3.InputOptions());

        var error = Assert.Throws<InputException>(() => resolver.CreateFile($"s3://{bucket}/no/such.warc.gz").OpenRead());

        Assert.StartsWith($"s3://{bucket}/no/such.warc.gz: S3 error NoSuchKey (HTTP 404)", error.Message);
        Assert.Equal(0, resolver.Statistics.Retries);
    }

    [Fact]
    public void Resolve_GzipManifestOnS3WithRelativeLinesAndBaseUrl_ReadsTheListedObjects()
    {
        var bucket = s3.CreateBucket();
        var objects = Enumerable.Range(0, 4).ToDictionary(i => $"crawl-data/CC-TEST/segments/{i}/warc/f{i}.warc.gz", i => TestData.RandomBytes(1000 + i, seed: i));
        foreach (var (key, bytes) in objects)
        {
            s3.Put(bucket, key, bytes);
        }

        var lines = "# Common Crawl style path list\n" + string.Join('\n', objects.Keys) + "\n";
        s3.Put(bucket, "crawl-data/CC-TEST/warc.paths.gz", TestData.Gzip(lines));
        using var resolver = new InputResolver(s3.InputOptions() with { InputBaseUrl = $"s3://{bucket}/", Limit = 3 });

        var files = resolver.Resolve([], [$"s3://{bucket}/crawl-data/CC-TEST/warc.paths.gz"]);

        Assert.Equal(objects.Keys.Take(3).Select(k => $"s3://{bucket}/{k}"), files.Select(f => f.Location));
        Assert.All(files, f => Assert.Equal(objects[((S3InputFile)f).Object.Key], TestData.ReadAll(f)));
    }

    [Fact]
    public void Expand_PrefixLineInManifest_IsListed()
    {
        var bucket = s3.CreateBucket();
        s3.Put(bucket, "p/a.warc.gz", [1]);
        s3.Put(bucket, "p/b.warc.gz", [2]);
        s3.Put(bucket, "list.txt", "p/\n"u8.ToArray());
        using var resolver = new InputResolver(s3.InputOptions() with { InputBaseUrl = $"s3://{bucket}" });

        var files = resolver.ReadManifest($"s3://{bucket}/list.txt");

        Assert.Equal([$"s3://{bucket}/p/a.warc.gz", $"s3://{bucket}/p/b.warc.gz"], files.Select(f => f.Location));
    }
}
