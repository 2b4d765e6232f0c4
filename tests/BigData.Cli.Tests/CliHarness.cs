using System.Text;
using BigData.Cli;
using TestSupport;

namespace BigData.Cli.Tests;

/// <summary>The outcome of one CLI invocation.</summary>
public sealed record CliResult(int ExitCode, byte[] Data, string Out, string Error)
{
    public string DataText => Encoding.UTF8.GetString(Data);
}

/// <summary>Runs the CLI in-process (fast) or as a real process (what users run).</summary>
public static class CliHarness
{
    public static CliResult InProcess(params string[] args)
    {
        var data = new MemoryStream();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(data, stdout, stderr, ErrorIsTerminal: false));
        return new CliResult(code, data.ToArray(), stdout.ToString(), stderr.ToString());
    }

    public static CliResult Process(string workingDirectory, params string[] args) =>
        ProcessWithEnvironment(workingDirectory, null, args);

    /// <summary>As <see cref="Process(string, string[])"/>, with variables added to (or, when null, removed from) the environment.</summary>
    public static CliResult ProcessWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var result = ProcessRunner.Run(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "bigdata.dll"), .. args],
            environment: environment?.ToDictionary(),
            workingDirectory: workingDirectory);
        return new CliResult(result.ExitCode, result.Stdout, result.StdoutText, result.Stderr);
    }
}
