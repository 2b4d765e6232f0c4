using System.Diagnostics;
using BigData.Storage.Inputs;
using TestSupport;

namespace BigData.Storage.Tests.Inputs;

public sealed class LocalInputTests : IDisposable
{
    private readonly TempDirectory _dir = new("bigdata-inputs");

    public LocalInputTests()
    {
        foreach (var name in new[] { "b.warc.gz", "a.warc.gz", "notes.txt", ".hidden.warc.gz", "sub/c.warc.gz", "sub/deeper/d.warc.gz", "other/e.wet.gz" })
        {
            var path = _dir.Combine(name.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, name);
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Expand_Directory_ListsEveryRegularFileRecursivelyInOrdinalOrder()
    {
        using var resolver = new InputResolver();

        var files = resolver.Expand(_dir.Path);

        Assert.Equal(
            [".hidden.warc.gz", "a.warc.gz", "b.warc.gz", "notes.txt", "other/e.wet.gz", "sub/c.warc.gz", "sub/deeper/d.warc.gz"],
            files.Select(Relative));
        Assert.All(files, f => Assert.IsType<LocalInputFile>(f));
        Assert.Equal("a.warc.gz".Length, files[1].Length);
    }

    [Fact]
    public void Expand_DirectoryWithFifoAndDirectorySymlink_SkipsBoth()
    {
        var fifo = _dir.Combine("sub", "pipe");
        var made = Process.Start("mkfifo", [fifo]);
        made.WaitForExit();
        Assert.Equal(0, made.ExitCode);
        Directory.CreateSymbolicLink(_dir.Combine("loop"), _dir.Path);
        File.CreateSymbolicLink(_dir.Combine("link.warc.gz"), _dir.Combine("a.warc.gz"));
        using var resolver = new InputResolver();

        var names = resolver.Expand(_dir.Path).Select(Relative).ToList();

        Assert.DoesNotContain("sub/pipe", names);
        Assert.DoesNotContain(names, n => n.StartsWith("loop/", StringComparison.Ordinal));
        Assert.Contains("link.warc.gz", names); // A link to a file is a file.
        Assert.Equal(8, names.Count);
    }

    [Fact]
    public void Expand_File_IsThatFile()
    {
        using var resolver = new InputResolver();

        var file = Assert.Single(resolver.Expand(_dir.Combine("sub", "c.warc.gz")));

        Assert.Equal(_dir.Combine("sub", "c.warc.gz"), file.Location);
        Assert.Equal("sub/c.warc.gz", File.ReadAllText(file.Location));
    }

    [Theory]
    [InlineData("*.warc.gz", new[] { ".hidden.warc.gz", "a.warc.gz", "b.warc.gz" })]
    [InlineData("?.warc.gz", new[] { "a.warc.gz", "b.warc.gz" })]
    [InlineData("[a].warc.gz", new[] { "a.warc.gz" })]
    [InlineData("**/*.warc.gz", new[] { ".hidden.warc.gz", "a.warc.gz", "b.warc.gz", "sub/c.warc.gz", "sub/deeper/d.warc.gz" })]
    [InlineData("sub/**/*.gz", new[] { "sub/c.warc.gz", "sub/deeper/d.warc.gz" })]
    [InlineData("*/*.gz", new[] { "other/e.wet.gz", "sub/c.warc.gz" })]
    [InlineData("s*", new[] { "sub/c.warc.gz", "sub/deeper/d.warc.gz" })]
    public void Expand_Glob_MatchesFilesAndExpandsMatchedDirectories(string pattern, string[] expected)
    {
        using var resolver = new InputResolver();

        var files = resolver.Expand(_dir.Path + "/" + pattern);

        Assert.Equal(expected, files.Select(Relative));
    }

    [Fact]
    public void Expand_FileUri_ResolvesLikeAPath()
    {
        using var resolver = new InputResolver();

        var single = Assert.Single(resolver.Expand("file://" + _dir.Combine("a.warc.gz")));
        var viaLocalhost = Assert.Single(resolver.Expand("file://localhost" + _dir.Combine("b.warc.gz")));
        var directory = resolver.Expand("file://" + _dir.Combine("sub"));

        Assert.Equal(_dir.Combine("a.warc.gz"), single.Location);
        Assert.Equal(_dir.Combine("b.warc.gz"), viaLocalhost.Location);
        Assert.Equal(["sub/c.warc.gz", "sub/deeper/d.warc.gz"], directory.Select(Relative));
    }

    [Fact]
    public void Expand_FileUriWithHost_FailsClearly()
    {
        using var resolver = new InputResolver();

        var error = Assert.Throws<InputException>(() => resolver.Expand("file://server/share/x.warc.gz"));

        Assert.Contains("file://server/share/x.warc.gz", error.Message);
    }

    [Fact]
    public void Expand_Missing_NamesTheInput()
    {
        using var resolver = new InputResolver();
        var missing = _dir.Combine("nope.warc.gz");

        var error = Assert.Throws<InputException>(() => resolver.Expand(missing));

        Assert.Equal("no such file or directory: " + missing, error.Message);
        Assert.Equal(missing, error.Location);
    }

    [Fact]
    public void Expand_GlobMatchingNothing_NamesTheGlob()
    {
        using var resolver = new InputResolver();
        var pattern = _dir.Combine("*.arc");

        var error = Assert.Throws<InputException>(() => resolver.Expand(pattern));

        Assert.Equal("glob matched nothing: " + pattern, error.Message);
    }

    [Fact]
    public void Expand_EmptyDirectory_FailsNamingIt()
    {
        using var resolver = new InputResolver();
        var empty = Directory.CreateDirectory(_dir.Combine("empty")).FullName;

        var error = Assert.Throws<InputException>(() => resolver.Expand(empty));

        Assert.Contains(empty, error.Message);
    }

    [Fact]
    public void Expand_ExistingNameWithGlobCharacters_IsTakenLiterally()
    {
        var literal = _dir.Combine("[1].warc.gz");
        File.WriteAllText(literal, "x");
        using var resolver = new InputResolver();

        Assert.Equal(literal, Assert.Single(resolver.Expand(literal)).Location);
    }

    [Fact]
    public void Expand_UnknownScheme_NamesTheScheme()
    {
        using var resolver = new InputResolver();

        var error = Assert.Throws<InputException>(() => resolver.Expand("gs://bucket/x.warc.gz"));

        Assert.Contains("unsupported scheme \"gs\"", error.Message);
    }

    [Fact]
    public void Resolve_SeveralArguments_KeepsArgumentOrder()
    {
        using var resolver = new InputResolver();

        var files = resolver.Resolve([_dir.Combine("sub"), _dir.Combine("a.warc.gz")]);

        Assert.Equal(["sub/c.warc.gz", "sub/deeper/d.warc.gz", "a.warc.gz"], files.Select(Relative));
    }

    [Fact]
    public void Resolve_Limit_KeepsTheFirstN()
    {
        using var resolver = new InputResolver(new InputOptions { Limit = 2 });

        var files = resolver.Resolve([_dir.Path]);

        Assert.Equal([".hidden.warc.gz", "a.warc.gz"], files.Select(Relative));
    }

    [Fact]
    public void Resolve_NothingGiven_FailsClearly()
    {
        using var resolver = new InputResolver();

        Assert.Throws<InputException>(() => resolver.Resolve([]));
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new InputResolver(new InputOptions { SampleFraction = 1.5 }));

        Assert.Contains("--sample", error.Message);
    }

    private string Relative(IInputFile file) => Path.GetRelativePath(_dir.Path, file.Location).Replace('\\', '/');
}
