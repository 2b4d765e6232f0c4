using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming.Tests.Executable;

public sealed class StreamingCommandLineTests
{
    [Fact]
    public void Parse_EveryOption_Read()
    {
        var request = StreamingCommandLine.Parse([
            "map", "--key", "host", "--types=response,revisit", "--memory", "64MB", "--max-attempts", "3", "--max-failed-files", "0",
            "--strict", "--input-style", "locations", "--input-base-url", "https://data.commoncrawl.org/", "--s3-region", "us-east-1",
            "--s3-endpoint", "http://127.0.0.1:9", "--s3-anonymous", "--status-interval", "0.5", "--max-line-bytes", "1MB", "--temp-dir", "/tmp/x",
        ])!;

        Assert.Equal(StreamStage.Map, request.Stage);
        Assert.Equal(("host", "response,revisit"), (request.Key, request.Types));
        Assert.Equal(64L << 20, request.Map.MemoryBytes);
        Assert.Equal(3, request.Map.MaxAttempts);
        Assert.Equal(0, request.Map.MaxFailedFiles);
        Assert.True(request.Map.Strict);
        Assert.Equal("/tmp/x", request.Map.TempDirectory);
        Assert.Equal(StreamInputStyle.Locations, request.InputStyle);
        Assert.Equal("https://data.commoncrawl.org/", request.InputBaseUrl);
        Assert.Equal(("us-east-1", "http://127.0.0.1:9", true), (request.S3Region, request.S3Endpoint, request.S3Anonymous));
        Assert.Equal(TimeSpan.FromSeconds(0.5), request.StatusInterval);
        Assert.Equal(1 << 20, request.MaxLineBytes);
    }

    [Fact]
    public void Parse_Defaults_AsDocumented()
    {
        var request = StreamingCommandLine.Parse(["reduce"])!;

        Assert.Equal(StreamStage.Reduce, request.Stage);
        Assert.Null(request.Key);
        Assert.Equal(256L << 20, request.Map.MemoryBytes);
        Assert.Equal(2, request.Map.MaxAttempts);
        Assert.Null(request.Map.MaxFailedFiles);
        Assert.False(request.Map.Strict);
        Assert.Equal(StreamInputStyle.Auto, request.InputStyle);
        Assert.Equal(TimeSpan.FromSeconds(10), request.StatusInterval);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_Null(string flag)
    {
        Assert.Null(StreamingCommandLine.Parse([flag]));
        Assert.Null(StreamingCommandLine.Parse(["map", flag]));
        Assert.Null(StreamingCommandLine.Parse([]));
    }

    [Theory]
    [InlineData("count", "unknown command 'count'")]
    [InlineData("map --key nope", "unknown key rule 'nope' for --key: expected one of origin, host, seed")]
    [InlineData("reduce --key seed --types response", "--types cannot be used with --key seed")]
    [InlineData("map --types ,", "empty type name")]
    [InlineData("map --memory lots", "--memory: 'lots' is not a size")]
    [InlineData("map --max-failed-files -1", "--max-failed-files must be a whole number of at least 0")]
    [InlineData("map --input-style text", "--input-style must be warc, locations or auto")]
    [InlineData("map --key", "--key needs a value")]
    [InlineData("map --strict=yes", "--strict takes no value")]
    [InlineData("map data/sample", "a streaming task reads its input from stdin")]
    [InlineData("map --frobnicate 1", "unknown option '--frobnicate'")]
    [InlineData("map --reducers 4", "--reducers is a bigdata count option with no meaning for a streaming task: the number of reducers is the hadoop command's -numReduceTasks")]
    [InlineData("reduce --output out", "-output")]
    [InlineData("map --format parquet", "TextOutputFormat")]
    [InlineData("map --manifest m.txt", "give the locations on stdin")]
    public void Parse_BadArguments_ClearUsageError(string commandLine, string expected)
    {
        var error = Assert.Throws<UsageException>(() => StreamingCommandLine.Parse(commandLine.Split(' ')));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadArguments_ExitCode2AndOneLineOnStderr()
    {
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var code = StreamingApp.Run(["map", "--workers", "2"], new StreamingConsole(new MemoryStream(), stdout, error, _ => null));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout.ToArray());
        Assert.StartsWith("warc-uri-count: --workers is a bigdata count option", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_UsageOnStderrExitCode0()
    {
        var error = new StringWriter();
        var code = StreamingApp.Run(["--help"], new StreamingConsole(new MemoryStream(), new MemoryStream(), error, _ => null));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warc-uri-count map", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success; 1 task failed", error.ToString(), StringComparison.Ordinal);
    }
}
