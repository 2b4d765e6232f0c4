using TestSupport;

namespace BigData.Cli.Tests;

public sealed class CountCommandTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Fixtures, name);

    [Fact]
    public void Help_Root_ListsCommands()
    {
        var result = CliHarness.InProcess("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("count", result.Out, StringComparison.Ordinal);
        Assert.Contains("sample", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Count_ExplainsEveryOptionWithDefault()
    {
        var result = CliHarness.InProcess("count", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--key", "--types", "--output", "--workers", "--reducers", "--memory", "--max-attempts", "--max-failed-files", "--strict", "--overwrite", "--format", "--compress", "--manifest" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }

        var optionLines = result.Out.Split('\n').Where(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToList();
        var withoutDefault = optionLines.Where(l => !l.Contains("default", StringComparison.OrdinalIgnoreCase) && !l.Contains("Repeatable", StringComparison.Ordinal)).ToList();
        Assert.True(withoutDefault.Count == 0, "every option states its default:\n" + string.Join('\n', withoutDefault));
    }

    [Fact]
    public void Count_OutputDash_WritesOnlySortedTsvToStdout()
    {
        var result = CliHarness.InProcess("count", Fixture("authority.warc"), "--output", "-");

        Assert.True(result.ExitCode == 0, result.Error);
        TsvAssert.Equal(File.ReadAllBytes(Fixture("authority.warc.origin.expected.tsv")), result.Data, "stdout");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Count_SeedWithTypes_IsRefusedWithExitCode2()
    {
        var result = CliHarness.InProcess("count", Fixture("authority.warc"), "--key", "seed", "--types", "response", "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--types", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Data);
    }

    [Theory]
    [InlineData("--key", "domain")]
    [InlineData("--memory", "lots")]
    [InlineData("--workers", "0")]
    [InlineData("--reducers", "-1")]
    [InlineData("--format", "xml")]
    public void Count_BadOption_FailsWithUsageExitCodeAndNamesOption(string option, string value)
    {
        var result = CliHarness.InProcess("count", Fixture("authority.warc"), option, value, "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Data);
    }

    [Fact]
    public void Count_MissingInput_FailsNamingIt()
    {
        var result = CliHarness.InProcess("count", Fixture("no-such-file.warc"), "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-file.warc", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_NoInput_FailsWithUsage()
    {
        var result = CliHarness.InProcess("count", "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("input", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Count_ExistingOutputWithoutOverwrite_IsRefusedAndLeftAlone()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");

        var refused = CliHarness.InProcess("count", Fixture("authority.warc"), "--output", output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "keep.txt")));

        var replaced = CliHarness.InProcess("count", Fixture("authority.warc"), "--output", output, "--overwrite");
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.False(File.Exists(Path.Combine(output, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(output, "_SUCCESS")));
    }

    [Fact]
    public void Count_DefaultOutputTwiceAsRealProcess_ReplacesTheRunnersOwnDirectory()
    {
        using var temp = new TempDirectory();

        var first = CliHarness.Process(temp.Path, "count", Fixture("authority.warc"));
        var second = CliHarness.Process(temp.Path, "count", Fixture("angle-brackets.warc"));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var output = Path.Combine(temp.Path, "out", "warc-uri-count");
        Assert.True(File.Exists(Path.Combine(output, "_SUCCESS")));
        Assert.True(File.Exists(Path.Combine(output, "_counters.json")));
        var parts = Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(parts);
        var merged = parts.SelectMany(File.ReadAllLines).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(File.ReadAllLines(Fixture("angle-brackets.warc.origin.expected.tsv")), merged);
        Assert.Contains("Top", second.Out, StringComparison.Ordinal);
        Assert.Contains("records.total", second.Out, StringComparison.Ordinal);
        Assert.Contains("speed-up", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_StrictOnDamagedFile_FailsThatFileWithOffset()
    {
        var result = CliHarness.InProcess("count", Fixture("wrong-length.warc"), "--strict", "--output", "-");

        Assert.NotEqual(0, result.ExitCode); // the only file failed, so the job failed
        Assert.Contains("wrong-length.warc", result.Error, StringComparison.Ordinal);
        Assert.Contains("byte", result.Error, StringComparison.Ordinal);
    }
}
