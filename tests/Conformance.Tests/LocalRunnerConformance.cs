using BigData.Cli;
using TestSupport;

namespace Conformance.Tests;

/// <summary>The local runner driven in-process through the CLI (what <c>dotnet run -- count</c> does).</summary>
public sealed class LocalRunnerInProcessConformance : WarcUriCountConformance
{
    protected override RunOutcome Count(IReadOnlyList<string> inputs, string key, string? types = null)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(
            CliArguments.Count(inputs, key, types, output, workers: 2, reducers: 3),
            new CliConsole(new MemoryStream(), stdout, stderr, ErrorIsTerminal: false));
        return code != 0
            ? new RunOutcome(code, [], new Dictionary<string, long>(), stderr.ToString())
            : new RunOutcome(code, OutputDirectory.ReadSortedParts(output), OutputDirectory.ReadCounters(output), stderr.ToString());
    }
}

/// <summary>The local runner as a real process (<c>dotnet bigdata.dll count …</c>), one worker, one reducer.</summary>
public sealed class LocalRunnerProcessConformance : WarcUriCountConformance
{
    protected override RunOutcome Count(IReadOnlyList<string> inputs, string key, string? types = null)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        var result = ProcessRunner.Run("dotnet", [BigDataCli.Dll, .. CliArguments.Count(inputs, key, types, output, workers: 1, reducers: 1)]);
        return result.ExitCode != 0
            ? new RunOutcome(result.ExitCode, [], new Dictionary<string, long>(), result.Stderr)
            : new RunOutcome(result.ExitCode, OutputDirectory.ReadSortedParts(output), OutputDirectory.ReadCounters(output), result.Stderr);
    }
}

/// <summary>Command lines for <c>bigdata count</c>.</summary>
public static class CliArguments
{
    public static string[] Count(IReadOnlyList<string> inputs, string key, string? types, string output, int workers, int reducers)
    {
        var args = new List<string> { "count" };
        args.AddRange(inputs);
        args.AddRange(["--key", key, "--output", output, "--workers", workers.ToString(), "--reducers", reducers.ToString()]);
        if (types != null)
        {
            args.AddRange(["--types", types]);
        }

        return args.ToArray();
    }
}

/// <summary>The built CLI next to the test assembly.</summary>
public static class BigDataCli
{
    /// <summary>bigdata.dll (copied beside the tests by the project reference).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "bigdata.dll");
}
