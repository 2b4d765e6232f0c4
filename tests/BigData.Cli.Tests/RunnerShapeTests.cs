using System.Text.Json;
using TestSupport;

namespace BigData.Cli.Tests;

/// <summary>Results do not depend on how the local runner is shaped: workers, reducers, memory budget.</summary>
public sealed class RunnerShapeTests
{
    [Theory]
    [InlineData("1", "1", "1GB")]
    [InlineData("2", "3", "1GB")]
    [InlineData("4", "1", "8KB")]
    [InlineData("2", "3", "4KB")]
    public void Count_SampleWithAnyShape_MatchesGolden(string workers, string reducers, string memory)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");

        var result = CliHarness.InProcess("count", RepoPaths.Sample, "--workers", workers, "--reducers", reducers, "--memory", memory, "--output", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var parts = Directory.GetFiles(output, "part-*");
        Assert.Equal(int.Parse(reducers, System.Globalization.CultureInfo.InvariantCulture), parts.Length);
        var merged = parts.SelectMany(File.ReadAllBytes).ToArray();
        TsvAssert.Equal(File.ReadAllBytes(RepoPaths.Of("data", "sample.origin.expected.tsv")), merged, $"workers {workers}, reducers {reducers}, memory {memory}");

        using var counters = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "_counters.json")));
        var spills = counters.RootElement.GetProperty("facts").GetProperty("spills").GetInt32();
        if (memory.EndsWith("KB", StringComparison.Ordinal))
        {
            Assert.True(spills > 0, "a budget this small must force spills to disk");
        }
    }
}
