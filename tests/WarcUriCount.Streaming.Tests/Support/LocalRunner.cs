using BigData.Cli;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>The local runner's answer: <c>bigdata count --output -</c> in-process, and its counters.</summary>
internal static class LocalRunner
{
    /// <summary>Runs <c>bigdata count FILES --key KEY [--types T] --output -</c>; stdout bytes and the summary's exit code.</summary>
    public static (int ExitCode, byte[] Tsv, string Stderr) CountToStdout(IEnumerable<string> files, IEnumerable<string> jobArguments)
    {
        var data = new MemoryStream();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(
            ["count", .. files, .. jobArguments, "--output", "-", "--workers", "1"],
            new CliConsole(data, stdout, stderr, ErrorIsTerminal: false));
        return (code, data.ToArray(), stderr.ToString());
    }

    /// <summary>Runs <c>bigdata count</c> into a directory and returns the counters of its <c>_counters.json</c>.</summary>
    public static Dictionary<string, long> Counters(IEnumerable<string> files, IEnumerable<string> jobArguments)
    {
        using var temp = new TestSupport.TempDirectory();
        var output = temp.Combine("out");
        var stderr = new StringWriter();
        var code = CliApp.Run(
            ["count", .. files, .. jobArguments, "--output", output, "--workers", "1"],
            new CliConsole(new MemoryStream(), new StringWriter(), stderr, ErrorIsTerminal: false));
        Assert.True(code == 0, stderr.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "_counters.json")));
        return json.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
    }
}
