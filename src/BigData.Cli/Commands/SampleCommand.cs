using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using BigData.Warc.Sample;

namespace BigData.Cli.Commands;

/// <summary>
/// <c>bigdata sample</c>: writes a deterministic Common-Crawl-like <c>.warc.gz</c>. Defaults (shown by --help from
/// each option's default value): 1000 pages, 200 hosts, seed 1, optimal compression, all processors.
/// </summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "The .warc.gz file to write (replaced if it exists; written under a temporary name, then renamed).",
            Required = true,
        };
        var pages = new Option<int>("--pages")
        {
            Description = "Captured pages; each is a request, a response and a metadata record.",
            DefaultValueFactory = _ => SampleOptions.Default.Pages,
        };
        var hosts = new Option<int>("--hosts")
        {
            Description = "Distinct origins, drawn with Zipf popularity.",
            DefaultValueFactory = _ => SampleOptions.Default.Hosts,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every random choice; same options give the same uncompressed bytes.",
            DefaultValueFactory = _ => SampleOptions.Default.Seed,
        };
        var compression = new Option<string>("--compression")
        {
            Description = "gzip level: optimal or fastest.",
            DefaultValueFactory = _ => "optimal",
        };
        compression.OneOf("optimal", "fastest");
        var firstPage = new Option<long>("--first-page")
        {
            Description = "Index of the first page: files with the same --seed and --hosts and different first pages are slices of one crawl.",
            DefaultValueFactory = _ => 0,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Generating threads; does not change the output; 0 means all processors.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("sample", "Write a deterministic Common-Crawl-like sample .warc.gz (one gzip member per record).");
        command.Options.Add(output);
        command.Options.Add(pages);
        command.Options.Add(firstPage);
        command.Options.Add(hosts);
        command.Options.Add(seed);
        command.Options.Add(compression);
        command.Options.Add(threads);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(output)!;
            var options = new SampleOptions
            {
                Pages = parseResult.GetValue(pages),
                Hosts = parseResult.GetValue(hosts),
                Seed = parseResult.GetValue(seed),
                FirstPage = parseResult.GetValue(firstPage),
                Compression = parseResult.GetValue(compression) == "fastest" ? CompressionLevel.Fastest : CompressionLevel.Optimal,
                Parallelism = parseResult.GetValue(threads),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                var name = e.ParamName switch
                {
                    nameof(SampleOptions.Pages) => "--pages must be 0 or more",
                    nameof(SampleOptions.Hosts) => "--hosts must be at least 1",
                    _ => "--threads must be 0 (all processors) or more",
                };
                Console.Error.WriteLine($"bigdata sample: {name} (got {e.ActualValue})");
                return Task.FromResult(2);
            }

            if (file.Directory is { Exists: false } directory)
            {
                Console.Error.WriteLine($"bigdata sample: cannot write {file.FullName}: directory {directory.FullName} does not exist");
                return Task.FromResult(1);
            }

            var clock = Stopwatch.StartNew();
            SampleSummary summary;
            try
            {
                summary = SampleArchiveGenerator.WriteFile(file.FullName, options, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"bigdata sample: cancelled; {file.FullName} was not written");
                return Task.FromResult(130);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"bigdata sample: cannot write {file.FullName}: {e.Message}");
                return Task.FromResult(1);
            }
            catch (UnauthorizedAccessException e)
            {
                Console.Error.WriteLine($"bigdata sample: cannot write {file.FullName}: {e.Message}");
                return Task.FromResult(1);
            }

            Console.Error.WriteLine(
                $"sample: {file.FullName}: {summary.Records} records ({summary.Pages} pages), {summary.CompressedBytes} bytes " +
                $"({summary.UncompressedBytes} uncompressed) in {clock.Elapsed.TotalSeconds:F1} s");
            return Task.FromResult(0);
        });
        return command;
    }
}
