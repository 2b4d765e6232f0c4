using BigData.Storage.Outputs;
using TestSupport;

namespace BigData.MapReduce.Tests.Storage;

public class LocalDirectoryCommitterTests
{
    [Fact]
    public void Commit_PartsAndSideFile_AppearOnlyAfterCommitWithSuccessMarker()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("nested", "out");
        using var committer = new LocalDirectoryCommitter(target);
        using (var part = committer.CreatePart("part-00000"))
        {
            part.Write("a\t1\n"u8);
        }

        committer.WriteSideFile("_counters.json", "{}"u8);
        Assert.False(Directory.Exists(target), "nothing under the final name before commit");

        committer.Commit();

        Assert.Equal("a\t1\n", File.ReadAllText(Path.Combine(target, "part-00000")));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(target, "_counters.json")));
        Assert.True(File.Exists(Path.Combine(target, "_SUCCESS")));
        Assert.Equal(0, new FileInfo(Path.Combine(target, "_SUCCESS")).Length);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.Combine("nested")).Select(Path.GetFileName));
    }

    [Fact]
    public void Ctor_TargetExists_RefusedWithoutOverwrite()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        Directory.CreateDirectory(target);

        var error = Assert.Throws<IOException>(() => new LocalDirectoryCommitter(target));
        Assert.Contains(target, error.Message);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Ctor_TargetIsAFile_RefusedEvenWithOverwrite()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        File.WriteAllText(target, "x");

        Assert.Throws<IOException>(() => new LocalDirectoryCommitter(target, overwrite: true));
    }

    [Fact]
    public void Commit_Overwrite_OldOutputKeptUntilCommitThenReplaced()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "part-00000"), "old\t1\n");
        File.WriteAllText(Path.Combine(target, "part-00001"), "old\t2\n");

        using var committer = new LocalDirectoryCommitter(target, overwrite: true);
        using (var part = committer.CreatePart("part-00000"))
        {
            part.Write("new\t1\n"u8);
        }

        Assert.Equal("old\t1\n", File.ReadAllText(Path.Combine(target, "part-00000")));
        committer.Commit();

        Assert.Equal("new\t1\n", File.ReadAllText(Path.Combine(target, "part-00000")));
        Assert.False(File.Exists(Path.Combine(target, "part-00001")), "old parts do not survive");
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNothingAndKeepsPreviousOutput()
    {
        using var temp = new TempDirectory();
        var fresh = temp.Combine("fresh");
        using (var committer = new LocalDirectoryCommitter(fresh))
        {
            using var part = committer.CreatePart("part-00000");
            part.Write("a\t1\n"u8);
        }

        var existing = temp.Combine("existing");
        Directory.CreateDirectory(existing);
        File.WriteAllText(Path.Combine(existing, "part-00000"), "kept\n");
        using (var committer = new LocalDirectoryCommitter(existing, overwrite: true))
        {
            committer.CreatePart("part-00000").Dispose();
        }

        Assert.False(Directory.Exists(fresh));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(existing, "part-00000")));
        Assert.Equal(["existing"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_PartStillOpen_Throws()
    {
        using var temp = new TempDirectory();
        using var committer = new LocalDirectoryCommitter(temp.Combine("out"));
        using var part = committer.CreatePart("part-00000");

        Assert.Throws<InvalidOperationException>(committer.Commit);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("_SUCCESS")]
    [InlineData("..")]
    public void CreatePart_NotAPlainName_Throws(string name)
    {
        using var temp = new TempDirectory();
        using var committer = new LocalDirectoryCommitter(temp.Combine("out"));

        Assert.Throws<ArgumentException>(() => committer.CreatePart(name));
    }

    [Fact]
    public void CreatePart_SameNameTwice_Throws()
    {
        using var temp = new TempDirectory();
        using var committer = new LocalDirectoryCommitter(temp.Combine("out"));
        committer.CreatePart("part-00000").Dispose();

        Assert.Throws<InvalidOperationException>(() => committer.CreatePart("part-00000"));
    }
}
