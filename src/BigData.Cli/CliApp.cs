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
        var parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One exit code for every usage error, whether the parser or a command found it.
            foreach (var error in parse.Errors)
            {
                io.Error.WriteLine("bigdata: " + error.Message);
            }

            io.Error.WriteLine("Run 'bigdata --help' or 'bigdata <command> --help' for the options.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error });
    }
}
