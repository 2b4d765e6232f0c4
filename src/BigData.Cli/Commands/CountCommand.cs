using System.CommandLine;
using BigData.MapReduce.Options;
using WarcUriCount;

namespace BigData.Cli.Commands;

/// <summary><c>bigdata count</c>: runs warc-uri-count on the local multicore runner.</summary>
public static class CountCommand
{
    /// <summary>The default output directory: the runner's own, replaced on every run.</summary>
    public const string DefaultOutput = "out/warc-uri-count";

    /// <summary>Builds the command. <paramref name="console"/> is where it writes (the process's by default).</summary>
    public static Command Create(CliConsole? console = null)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "WARC/WAT/WET files (plain or gzip, detected by magic bytes), directories (every regular file, recursively) or globs.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var key = new Option<string>("--key")
        {
            Description = "Key rule: origin (scheme://host[:port]), host, or seed (exactly what the classic Python streaming mapper prints; line-oriented).",
            DefaultValueFactory = _ => "origin",
        };
        key.OneOf("origin", "host", "seed");
        var types = new Option<string?>("--types")
        {
            Description = "Comma list of WARC-Type values to count (case-insensitive), e.g. 'response' to count captures: Common Crawl writes a request, a response and a metadata record per capture. Default: every record that has a target URI.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = $"Output directory of part-NNNNN files, _SUCCESS and _counters.json, or '-' for sorted key<TAB>count lines on stdout. Default: {DefaultOutput} (replaced on every run).",
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Map tasks run in parallel. Default: the number of cores.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var reducers = new Option<int?>("--reducers")
        {
            Description = "Reduce partitions, one part file each (keys are split by Hadoop's hash partitioner). Default: the number of workers.",
        };
        var memory = new Option<string>("--memory")
        {
            Description = "Aggregation memory budget for the whole job (KB, MB, GB). Beyond it, sorted runs spill to disk and are merged.",
            DefaultValueFactory = _ => "1GB",
        };
        var maxAttempts = new Option<int>("--max-attempts")
        {
            Description = "Attempts per map task before its file counts as failed (I/O errors are retried; damaged data is not).",
            DefaultValueFactory = _ => 2,
        };
        var maxFailed = new Option<int?>("--max-failed-files")
        {
            Description = "Failed files the job tolerates before it fails with no output. Default: unlimited (failures are listed), but a job in which every file failed fails.",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Fail a file on its first malformed record instead of warning and resynchronising at the next record. Default: off (lenient).",
        };
        var overwrite = new Option<bool>("--overwrite")
        {
            Description = "Replace an existing --output directory. Default: off (an existing directory is an error; the default output directory is always replaced).",
        };

        var command = new Command("count", "Count WARC-Target-URI values per key (DESIGN.md §5) on all cores: map, combine, partition, sort, reduce.");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { key, types, output, workers, reducers, memory, maxAttempts, maxFailed, strict, overwrite })
        {
            command.Options.Add(option);
        }

        var storage = StorageOptionSet.AddTo(command);

        command.SetAction(parse =>
        {
            var io = console ?? CliConsole.System;
            try
            {
                var request = new CountRequest
                {
                    Inputs = parse.GetValue(inputs) ?? [],
                    Job = JobOptions(parse.GetValue(key), parse.GetValue(types)),
                    Output = parse.GetValue(output),
                    Workers = Positive(parse.GetValue(workers), "--workers"),
                    Reducers = parse.GetValue(reducers) is { } r ? Positive(r, "--reducers") : null,
                    MemoryBytes = ParseSize(parse.GetValue(memory)!),
                    MaxAttempts = Positive(parse.GetValue(maxAttempts), "--max-attempts"),
                    MaxFailedFiles = parse.GetValue(maxFailed) is { } m ? NonNegative(m, "--max-failed-files") : null,
                    Strict = parse.GetValue(strict),
                    Overwrite = parse.GetValue(overwrite),
                    Storage = storage.Read(parse),
                };
                return CountExecution.Run(request, io);
            }
            catch (UsageException e)
            {
                io.Error.WriteLine("bigdata count: " + e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static WarcUriCountOptions JobOptions(string? key, string? types)
    {
        try
        {
            return WarcUriCountOptions.FromCommandLine(key, types);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new UsageException($"{name} must be at least 1 (got {value})");

    private static int NonNegative(int value, string name) =>
        value >= 0 ? value : throw new UsageException($"{name} must be 0 or more (got {value})");

    private static long ParseSize(string text) =>
        ByteSizeParser.TryParse(text, out var bytes, out var error) ? bytes : throw new UsageException("--memory: " + error);
}
