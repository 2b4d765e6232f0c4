using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TestSupport;

namespace BigData.Cli.Tests.Storage;

/// <summary>One <c>bigdata count</c> run into an output directory (or an S3 prefix), with what it left behind.</summary>
public sealed record CountRun(CliResult Cli, string Directory)
{
    /// <summary>True when the run committed (exit 0 and <c>_SUCCESS</c> present).</summary>
    public bool Committed => Cli.ExitCode == 0 && File.Exists(Path.Combine(Directory, "_SUCCESS"));

    /// <summary>The part files, in name order.</summary>
    public IReadOnlyList<string> Parts => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "part-*").Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>The parts concatenated (plain TSV output).</summary>
    public byte[] Tsv => Parts.SelectMany(File.ReadAllBytes).ToArray();

    /// <summary>The <c>counters</c> object of <c>_counters.json</c>.</summary>
    public IReadOnlyDictionary<string, long> Counters => CountRuns.CountersOf(File.ReadAllBytes(Path.Combine(Directory, "_counters.json")));

    /// <summary>The <c>failed_files</c> of <c>_counters.json</c>: location and message.</summary>
    public IReadOnlyList<(string Location, string Message)> FailedFiles
    {
        get
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "_counters.json")));
            return json.RootElement.GetProperty("failed_files").EnumerateArray()
                .Select(f => (f.GetProperty("location").GetString()!, f.GetProperty("message").GetString()!))
                .ToList();
        }
    }

    /// <summary>Exit code and stderr, for assertion messages.</summary>
    public string Describe() => $"exit {Cli.ExitCode}\nstderr:\n{Cli.Error}\nstdout:\n{Cli.Out}";
}

/// <summary>Runs <c>bigdata count</c> in-process with fixed parallelism, so part files are comparable across runs.</summary>
public static class CountRuns
{
    /// <summary>Workers and reducers of every run here: fixed, so two runs split keys into the same parts.</summary>
    public const string Parallelism = "2";

    /// <summary>The four bundled sample files, in name order.</summary>
    public static IReadOnlyList<string> SampleFiles { get; } =
        System.IO.Directory.GetFiles(RepoPaths.Sample, "*.warc.gz").Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs <c>count ARGS --output DIR</c> with a fresh directory under <paramref name="temp"/>.</summary>
    public static CountRun ToDirectory(TempDirectory temp, params string[] args)
    {
        var directory = temp.Combine("out-" + Guid.NewGuid().ToString("N")[..8]);
        var cli = CliHarness.InProcess(["count", .. args, "--output", directory, "--workers", Parallelism, "--reducers", Parallelism]);
        return new CountRun(cli, directory);
    }

    /// <summary>The <c>counters</c> object of a <c>_counters.json</c> file.</summary>
    public static IReadOnlyDictionary<string, long> CountersOf(byte[] countersJson)
    {
        using var json = JsonDocument.Parse(countersJson);
        return json.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    /// <summary>
    /// The counters that must not depend on where the bytes came from: every <c>records.*</c> and the file
    /// outcomes (<c>io.*</c> and timings legitimately differ).
    /// </summary>
    public static SortedDictionary<string, long> RecordCounters(IReadOnlyDictionary<string, long> counters) =>
        new(counters.Where(c => c.Key.StartsWith("records.", StringComparison.Ordinal) || c.Key is "files.ok" or "files.failed")
            .ToDictionary(), StringComparer.Ordinal);

    /// <summary>One gzip member of <paramref name="text"/> in UTF-8 (a manifest like Common Crawl's warc.paths.gz).</summary>
    public static byte[] GzipText(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>A counter, 0 when absent.</summary>
    public static long Counter(this IReadOnlyDictionary<string, long> counters, string name) =>
        counters.TryGetValue(name, out var value) ? value : 0;
}

/// <summary>Local runs over the sample, made once per test run: what remote reads must reproduce.</summary>
public static class LocalBaseline
{
    private static readonly Lazy<(byte[] Tsv, IReadOnlyDictionary<string, long> Counters)> AllFiles = new(() => Run(CountRuns.SampleFiles));

    /// <summary>The output and counters of a local run over all four sample files.</summary>
    public static (byte[] Tsv, IReadOnlyDictionary<string, long> Counters) Sample => AllFiles.Value;

    /// <summary>The output and counters of a local run over <paramref name="files"/>.</summary>
    public static (byte[] Tsv, IReadOnlyDictionary<string, long> Counters) Run(IEnumerable<string> files)
    {
        using var temp = new TempDirectory("bigdata-local");
        var run = CountRuns.ToDirectory(temp, [.. files]);
        Assert.True(run.Committed, "local baseline run failed: " + run.Describe());
        return (run.Tsv, run.Counters);
    }
}
