using System.CommandLine;
using BigData.Cli.Commands;

namespace BigData.Benchmarks;

/// <summary>
/// <c>sample --out FILE ...</c>: the CLI's <c>bigdata sample</c> command hosted here as well, so scripts/bench.sh can
/// generate its input even where the CLI does not wire the command (same code, same bytes).
/// </summary>
public static class SampleTool
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("BigData benchmark tools") { SampleCommand.Create() };
        return root.Parse(args).InvokeAsync();
    }
}
