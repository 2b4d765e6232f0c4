using System.Text;
using Conformance.Tests;
using TestSupport;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Executable;

/// <summary>The mapper as a real process: input styles, Hadoop variables, failures and exit codes.</summary>
public sealed class MapProcessTests
{
    private static readonly StreamingExecutable Exe = StreamingExecutable.Built;

    private static byte[] Locations(params string[] paths) => Encoding.UTF8.GetBytes(string.Concat(paths.Select(p => p + "\n")));

    [Fact]
    public void Map_AutoStyle_DecidesFromTheFirstBytes()
    {
        var path = Fixtures.Path("authority.warc");
        var asContent = Exe.Run(["map"], File.ReadAllBytes(path));
        var asLocations = Exe.Run(["map"], Locations(path));
        var asNLine = Exe.Run(["map"], Encoding.UTF8.GetBytes("0\t" + path + "\n"));

        Assert.All([asContent, asLocations, asNLine], r => Assert.Equal(0, r.ExitCode));
        var expected = File.ReadAllBytes(Fixtures.Path("authority.warc.origin.expected.tsv"));
        Assert.Equal(expected, asContent.Stdout);
        Assert.Equal(expected, asLocations.Stdout);
        Assert.Equal(expected, asNLine.Stdout);
    }

    [Fact]
    public void Map_RelativeManifestLinesWithBaseUrl_ReadLikeAManifest()
    {
        // Like Common Crawl's warc.paths.gz: relative lines, gzipped, joined to --input-base-url.
        var list = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(list, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write("authority.warc\nversions.warc\n"u8);
        }

        var result = Exe.Run(["map", "--input-base-url", "file://" + RepoPaths.Fixtures], list.ToArray());

        Assert.Equal(0, result.ExitCode);
        var expected = LocalRunner.CountToStdout([Fixtures.Path("authority.warc"), Fixtures.Path("versions.warc")], []);
        TsvAssert.Equal(expected.Tsv, result.Stdout, "relative locations with a base URL");
        Assert.Equal(2, StreamingReporterLines.Counters(result.Stderr)["files.ok"]);
    }

    [Fact]
    public void Map_GzipOnStdinOutsideHadoop_IsDecompressed()
    {
        var result = Exe.Run(["map", "--key", "host"], File.ReadAllBytes(Fixtures.Path("single-member.warc.gz")));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("single-member.warc.gz.host.expected.tsv")), result.Stdout);
    }

    [Fact]
    public void Map_HadoopVariables_NameTheInputAndSetTheSeparator()
    {
        var result = Exe.Run(["map", "--input-style", "warc"], File.ReadAllBytes(Fixtures.Path("not-warc.html")), new Dictionary<string, string?>
        {
            ["mapreduce_map_input_file"] = "hdfs://nn/crawl/not-warc.html",
            ["mapreduce_task_partition"] = "12",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("failed: hdfs://nn/crawl/not-warc.html", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("reporter:status:warc-uri-count map task 12:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, StreamingReporterLines.Counters(result.Stderr)["files.failed"]);

        var separated = Exe.Run(["map"], File.ReadAllBytes(Fixtures.Path("versions.warc")), new Dictionary<string, string?>
        {
            ["stream_map_output_field_separator"] = "|",
        });
        var expected = File.ReadAllText(Fixtures.Path("versions.warc.origin.expected.tsv")).Replace('\t', '|');
        Assert.Equal(expected, separated.StdoutText);
    }

    [Fact]
    public void Map_MissingLocationAndUnknownScheme_CountedAsFailedFilesExitCode0()
    {
        var good = Fixtures.Path("versions.warc");
        var result = Exe.Run(["map", "--input-style", "locations"], Locations("/no/such/file.warc.gz", good, "ftp://host/x.warc.gz", "# comment", ""));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("versions.warc.origin.expected.tsv")), result.Stdout);
        var counters = StreamingReporterLines.Counters(result.Stderr);
        Assert.Equal(2, counters["files.failed"]);
        Assert.Equal(1, counters["files.ok"]);
        Assert.Contains("failed: /no/such/file.warc.gz", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("unsupported scheme \"ftp\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MoreFailedFilesThanAllowed_ExitCode1()
    {
        var result = Exe.Run(
            ["map", "--input-style", "locations", "--max-failed-files", "0"],
            Locations(Fixtures.Path("not-warc.html"), Fixtures.Path("versions.warc")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("task failed: 1 input files failed, more than --max-failed-files 0", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_StrictFileFailingMidway_LeavesNoCountsOfIt()
    {
        var result = Exe.Run(
            ["map", "--input-style", "locations", "--strict"],
            Locations(Fixtures.Path("wrong-length.warc"), Fixtures.Path("versions.warc")));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("versions.warc.origin.expected.tsv")), result.Stdout);
        var counters = StreamingReporterLines.Counters(result.Stderr);
        Assert.Equal(1, counters["files.failed"]);
        Assert.Equal(counters["records.keyed"], TsvAssert.SumOfCounts(result.Stdout));
        Assert.Contains("wrong-length.warc at byte", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_EmptyStdin_NothingToDoExitCode0()
    {
        var result = Exe.Run(["map"], []);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("stdin is empty", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, StreamingReporterLines.Counters(result.Stderr)["files.ok"]);
    }

    [Fact]
    public void Map_TypesFilter_SameAsLocalRunner()
    {
        var files = Fixtures.Sample;
        var local = LocalRunner.CountToStdout(files, ["--types", "response"]);

        var outcome = StreamingSimulator.Run(new StreamingJobSpec { Inputs = files, InputStyle = "locations", JobArguments = ["--types", "response"] });

        Assert.Null(outcome.Failure);
        Assert.Equal(local.Tsv, outcome.Output);
        Assert.True(outcome.Counter("records.filtered") > 0);
    }
}
