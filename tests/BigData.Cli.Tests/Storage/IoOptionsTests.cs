using TestSupport;

namespace BigData.Cli.Tests.Storage;

/// <summary>The hidden I/O tuning options (NOTES-storage-e2e.md): validated like the others, absent from --help.</summary>
public sealed class IoOptionsTests
{
    [Theory]
    [InlineData("--io-timeout", "soon")]
    [InlineData("--io-timeout", "0s")]
    [InlineData("--io-retries", "-1")]
    public void Count_BadIoOption_FailsWithUsageExitCodeAndNamesOption(string option, string value)
    {
        var result = CliHarness.InProcess("count", Path.Combine(RepoPaths.Fixtures, "authority.warc"), option, value, "--output", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Data);
    }

    [Fact]
    public void Count_IoOptionsOnLocalInput_ChangeNothing()
    {
        var result = CliHarness.InProcess("count", Path.Combine(RepoPaths.Fixtures, "authority.warc"), "--io-timeout", "250ms", "--io-retries", "0", "--output", "-");

        Assert.True(result.ExitCode == 0, result.Error);
        TsvAssert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "authority.warc.origin.expected.tsv")), result.Data, "stdout");
    }

    [Fact]
    public void Help_Count_HidesIoOptions()
    {
        var result = CliHarness.InProcess("count", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("--io-", result.Out, StringComparison.Ordinal);
    }
}
