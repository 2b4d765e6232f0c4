using System.Text;
using BigData.Storage.Inputs;
using TestSupport.Http;
using TestSupport;

namespace BigData.Storage.Tests.Inputs;

public sealed class ManifestTests : IDisposable
{
    private readonly TempDirectory _dir = new("bigdata-manifest");

    public ManifestTests()
    {
        for (var i = 0; i < 5; i++)
        {
            var path = _dir.Combine("crawl-data", "segment", $"f{i}.warc.gz");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "file " + i);
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadManifest_PlainWithCommentsAndBlankLines_ListsLocationsInOrder()
    {
        var manifest = Write("list.txt", $"# a comment\n\n{_dir.Combine("crawl-data/segment/f3.warc.gz")}\r\n   \n  {_dir.Combine("crawl-data/segment/f1.warc.gz")}  \n#{_dir.Combine("crawl-data/segment/f2.warc.gz")}\n");
        using var resolver = new InputResolver();

        var files = resolver.ReadManifest(manifest);

        Assert.Equal([_dir.Combine("crawl-data/segment/f3.warc.gz"), _dir.Combine("crawl-data/segment/f1.warc.gz")], files.Select(f => f.Location));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ReadManifest_GzipByMagicBytes_RelativeLinesJoinedToBaseUrl(int members)
    {
        // Named .txt on purpose: gzip is recognised by its magic bytes, never by the name.
        var manifest = WriteBytes("warc.paths.txt", TestData.Gzip("crawl-data/segment/f0.warc.gz\n/crawl-data/segment/f4.warc.gz\ncrawl-data/segment/f2.warc.gz\n", members));
        using var resolver = new InputResolver(new InputOptions { InputBaseUrl = _dir.Path + "/" });

        var files = resolver.ReadManifest(manifest);

        Assert.Equal(["f0.warc.gz", "f4.warc.gz", "f2.warc.gz"], files.Select(f => Path.GetFileName(f.Location)));
        Assert.Equal("file 4", File.ReadAllText(files[1].Location));
    }

    [Fact]
    public void ReadManifest_RelativeLineWithoutBaseUrl_NamesManifestAndLine()
    {
        var manifest = Write("list.txt", "# header\n" + _dir.Combine("crawl-data/segment/f0.warc.gz") + "\ncrawl-data/segment/f1.warc.gz\n");
        using var resolver = new InputResolver();

        var error = Assert.Throws<InputException>(() => resolver.ReadManifest(manifest));

        Assert.Contains(manifest + " line 3", error.Message);
        Assert.Contains("--input-base-url", error.Message);
    }

    [Fact]
    public void ReadManifest_LineNamingMissingFile_NamesLineAndFile()
    {
        var missing = _dir.Combine("crawl-data/segment/missing.warc.gz");
        var manifest = Write("list.txt", _dir.Combine("crawl-data/segment/f0.warc.gz") + "\n" + missing + "\n");
        using var resolver = new InputResolver();

        var error = Assert.Throws<InputException>(() => resolver.ReadManifest(manifest));

        Assert.Equal($"{manifest} line 2: no such file or directory: {missing}", error.Message);
    }

    [Fact]
    public void ReadManifest_RemoteLines_BecomeFilesWithoutRequests()
    {
        var manifest = Write("list.txt", "crawl-data/a.warc.gz\nhttps://example.org/b.warc.gz\ns3://other-bucket/c.warc.gz\n");
        using var resolver = new InputResolver(new InputOptions { InputBaseUrl = "https://data.commoncrawl.org" });

        var files = resolver.ReadManifest(manifest);

        Assert.Equal(
            ["https://data.commoncrawl.org/crawl-data/a.warc.gz", "https://example.org/b.warc.gz", "s3://other-bucket/c.warc.gz"],
            files.Select(f => f.Location));
        Assert.Equal(0, resolver.Statistics.Downloads);
    }

    [Fact]
    public void ReadManifest_FromHttp_ReadsGzipManifestAndResolvesAgainstBaseUrl()
    {
        using var server = new LoopbackHttpServer();
        server.AddFile("/cc/warc.paths.gz", TestData.Gzip("crawl-data/x/1.warc.gz\ncrawl-data/x/2.warc.gz\n"));
        server.AddFile("/cc/crawl-data/x/2.warc.gz", "two"u8.ToArray());
        using var resolver = new InputResolver(new InputOptions { InputBaseUrl = server.Url("/cc/") });

        var files = resolver.Resolve([], [server.Url("/cc/warc.paths.gz")]);

        Assert.Equal([server.Url("/cc/crawl-data/x/1.warc.gz"), server.Url("/cc/crawl-data/x/2.warc.gz")], files.Select(f => f.Location));
        Assert.Equal("two"u8.ToArray(), TestData.ReadAll(files[1]));
    }

    [Fact]
    public void ReadManifest_Missing_NamesIt()
    {
        using var resolver = new InputResolver();
        var missing = _dir.Combine("no-such-manifest.txt");

        var error = Assert.Throws<InputException>(() => resolver.ReadManifest(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void ReadManifest_OnlyComments_FailsClearly()
    {
        var manifest = Write("list.txt", "# nothing\n\n");
        using var resolver = new InputResolver();

        var error = Assert.Throws<InputException>(() => resolver.ReadManifest(manifest));

        Assert.Contains("lists no inputs", error.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-1)]
    [InlineData(-4)]
    [InlineData(-9)]
    public void ReadManifest_TruncatedGzip_FailsNamingTheManifest(double cut)
    {
        // GZipStream alone ends quietly at a truncated file; the manifest reader must not return a shorter list.
        var gz = TestData.Gzip(string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"crawl-data/segment/f{i}.warc.gz")), members: 2);
        var length = cut > 0 ? (int)(gz.Length * cut) : gz.Length + (int)cut;
        var manifest = WriteBytes("cut.gz", gz[..length]);
        using var resolver = new InputResolver(new InputOptions { InputBaseUrl = "https://example.org/" });

        var error = Assert.Throws<InputException>(() => resolver.ReadManifest(manifest));

        Assert.Contains(manifest, error.Message);
        Assert.Contains("broken gzip data", error.Message);
    }

    [Fact]
    public void ReadManifest_ConcatenatedOutputOfGzipTool_ReadsEveryMember()
    {
        // The gzip tool writes the file name into the header (FNAME), which the member parser must skip.
        File.WriteAllText(_dir.Combine("one.txt"), "crawl-data/a.warc.gz\ncrawl-data/b.warc.gz\n");
        File.WriteAllText(_dir.Combine("two.txt"), "crawl-data/c.warc.gz\n");
        var result = ProcessRunner.Bash($"cd '{_dir.Path}' && gzip -k one.txt two.txt && cat one.txt.gz two.txt.gz > both.gz");
        Assert.Equal(0, result.ExitCode);
        using var resolver = new InputResolver(new InputOptions { InputBaseUrl = "https://example.org/" });

        var files = resolver.ReadManifest(_dir.Combine("both.gz"));

        Assert.Equal(["a", "b", "c"], files.Select(f => f.Location["https://example.org/crawl-data/".Length..][..1]));
    }

    [Fact]
    public void Resolve_ArgumentsThenManifests_SampledAndLimited()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 5).Select(i => $"crawl-data/segment/f{i}.warc.gz"));
        var manifest = Write("list.txt", lines);
        var options = new InputOptions { InputBaseUrl = _dir.Path, Limit = 3 };
        using var resolver = new InputResolver(options);

        var files = resolver.Resolve([_dir.Combine("crawl-data/segment/f4.warc.gz")], [manifest]);

        Assert.Equal(["f4.warc.gz", "f0.warc.gz", "f1.warc.gz"], files.Select(f => Path.GetFileName(f.Location)));
    }

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
