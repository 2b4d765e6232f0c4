using WarcUriCount.SparkPlan;

namespace WarcUriCount.Spark.Tests;

public sealed class SparkArgumentsTests
{
    [Fact]
    public void Parse_OnlyInputsAndOutput_UsesDocumentedDefaults()
    {
        var result = SparkArguments.Parse(["--output", "out", "data/a.warc.gz", "hdfs:///b/*.warc.gz"]);

        var o = Assert.IsType<SparkJobOptions>(result.Options);
        Assert.Null(result.Error);
        Assert.Equal(["data/a.warc.gz", "hdfs:///b/*.warc.gz"], o.Inputs);
        Assert.Equal(KeyRule.Origin, o.Key);
        Assert.Null(o.Types);
        Assert.Equal(OutputFormat.Parquet, o.Format);
        Assert.Null(o.Partitions);
        Assert.False(o.Overwrite);
        Assert.Equal(0, o.MaxFailedFiles);
    }

    [Fact]
    public void Parse_EveryOption_IsTakenInBothSpellings()
    {
        var result = SparkArguments.Parse(
        [
            "--key=host", "--types", " Response,REQUEST,response ", "-o", "s3a://b/out", "--format=tsv", "--partitions", "12",
            "--overwrite", "--max-failed-files", "3", "--manifest", "s3a://b/warc.paths.gz", "--input-base-url", "s3a://commoncrawl/", "--", "--odd-name",
        ]);

        var o = Assert.IsType<SparkJobOptions>(result.Options);
        Assert.Equal(KeyRule.Host, o.Key);
        Assert.Equal(["response", "request"], o.Types);
        Assert.Equal("s3a://b/out", o.Output);
        Assert.Equal(OutputFormat.Tsv, o.Format);
        Assert.Equal(12, o.Partitions);
        Assert.True(o.Overwrite);
        Assert.Equal(3, o.MaxFailedFiles);
        Assert.Equal(["s3a://b/warc.paths.gz"], o.Manifests);
        Assert.Equal("s3a://commoncrawl/", o.InputBaseUrl);
        Assert.Equal(["--odd-name"], o.Inputs);
    }

    [Theory]
    [InlineData(new[] { "--output", "o" }, "no input")]
    [InlineData(new[] { "a.warc" }, "--output DIR is required")]
    [InlineData(new[] { "--output", "-", "a.warc" }, "not supported by the Spark runner")]
    [InlineData(new[] { "--output", "o", "-" }, "stdin")]
    [InlineData(new[] { "--output", "o", "--key", "domain", "a" }, "unknown --key 'domain'")]
    [InlineData(new[] { "--output", "o", "--format", "orc", "a" }, "unknown --format 'orc'")]
    [InlineData(new[] { "--output", "o", "--partitions", "0", "a" }, "positive integer")]
    [InlineData(new[] { "--output", "o", "--partitions", "-3", "a" }, "positive integer")]
    [InlineData(new[] { "--output", "o", "--types", " , ", "a" }, "has an empty type name")]
    [InlineData(new[] { "--output", "o", "--types", "response,,revisit", "a" }, "has an empty type name")]
    [InlineData(new[] { "--output", "o", "--types", "response,", "a" }, "has an empty type name")]
    [InlineData(new[] { "--output", "o", "--key", "seed", "--types", "response", "a" }, "does not apply to --key seed")]
    [InlineData(new[] { "--output", "o", "https://data.commoncrawl.org/x.warc.gz" }, "http(s) locations are not supported")]
    [InlineData(new[] { "--output", "o", "--memory", "2g", "a" }, "--executor-memory")]
    [InlineData(new[] { "--output", "o", "--strict", "a" }, "--strict is not supported")]
    [InlineData(new[] { "--output", "o", "--frobnicate", "a" }, "unknown option --frobnicate")]
    [InlineData(new[] { "--output" }, "needs a value")]
    [InlineData(new[] { "--output", "o", "--max-failed-files", "-1", "a" }, "non-negative integer")]
    [InlineData(new[] { "--output", "o", "--allow-inexact", "a" }, "unknown option --allow-inexact")]
    [InlineData(new[] { "--output", "o", "--input-base-url", "s3a://x/", "a" }, "only applies to entries of a --manifest")]
    public void Parse_BadOrUnsupported_FailsWithClearMessage(string[] args, string expected)
    {
        var result = SparkArguments.Parse(args);

        Assert.Null(result.Options);
        Assert.NotNull(result.Error);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_RequestsUsage()
    {
        Assert.True(SparkArguments.Parse(["--output", "o", "--help"]).HelpRequested);
        Assert.Contains("--partitions N", SparkArguments.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void FromManifest_RelativeEntries_GetTheBaseUrl()
    {
        var lines = new[] { "crawl-data/a.warc.gz", "", "# comment", "/abs/b.warc.gz", "s3a://other/c.warc.gz", "  /d.warc.gz  " };

        var locations = InputLocations.FromManifest(lines, "s3a://commoncrawl/", "m.paths");

        Assert.Equal(["s3a://commoncrawl/crawl-data/a.warc.gz", "/abs/b.warc.gz", "s3a://other/c.warc.gz", "/d.warc.gz"], locations);
    }

    [Fact]
    public void CodecRefusal_NonGzipCodecs_AreRefusedGzipAndPlainAreNot()
    {
        Assert.Null(InputLocations.CodecRefusal(["s3a://b/a.warc.gz", "/d/b.warc", "/d/c.wet.GZ"]));
        var message = InputLocations.CodecRefusal(["/d/a.warc.gz", "/d/b.warc.bz2", "/d/c.warc.ZST"]);
        Assert.NotNull(message);
        Assert.Contains("/d/b.warc.bz2", message, StringComparison.Ordinal);
        Assert.Contains("/d/c.warc.ZST", message, StringComparison.Ordinal);
        Assert.DoesNotContain("a.warc.gz", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromManifest_HttpEntry_IsRefusedNamingTheManifest()
    {
        var e = Assert.Throws<ArgumentException>(() => InputLocations.FromManifest(["crawl-data/a.warc.gz"], "https://data.commoncrawl.org", "m.paths"));
        Assert.Contains("m.paths", e.Message, StringComparison.Ordinal);
    }
}
