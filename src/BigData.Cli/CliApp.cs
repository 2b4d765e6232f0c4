using System.CommandLine;
using BigData.Cli.Commands;

namespace BigData.Cli;

/// <summary>The <c>bigdata</c> command line: one root, one command per file under Commands/.</summary>
public static class CliApp
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(CliConsole? console = null)
    {
        var root = new RootCommand(
            "BigData: MapReduce-style jobs over web archives (WARC/WAT/WET, plain or gzip). " +
            "Run 'bigdata count data/sample' to count WARC-Target-URI values per host on every core.");
        root.Subcommands.Add(CountCommand.Create(console));
        root.Subcommands.Add(SampleCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; returns the process exit code.</summary>
    public static int Run(string[] args, CliConsole? console = null)
    {
        var io = console ?? CliConsole.System;
        var config = new InvocationConfiguration { Output = io.Out, Error = io.Error };
        return Build(console).Parse(args).Invoke(config);
    }
}
