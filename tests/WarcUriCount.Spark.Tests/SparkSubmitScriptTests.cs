using TestSupport;

namespace WarcUriCount.Spark.Tests;

/// <summary>scripts/spark-submit.sh prints the command without building (--no-build) or running it: no JVM needed.</summary>
public sealed class SparkSubmitScriptTests
{
    private static ProcessResult RunScript(string publishDir, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["SPARK_HOME"] = null, ["MICROSOFT_SPARK_JAR"] = null, ["MICROSOFT_SPARK_DIR"] = null };
        return ProcessRunner.Run("bash", [RepoPaths.Of("scripts", "spark-submit.sh"), "--no-build", "--publish-dir", publishDir, .. args], environment: env);
    }

    [Fact]
    public void SparkSubmit_SparkVersion_PicksMatchingJarAndPrintsDotnetRunnerCommand()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("WarcUriCount.Spark.dll"), "");
        File.WriteAllText(dir.Combine("microsoft-spark-3-4_2.12-2.3.1.jar"), "");
        File.WriteAllText(dir.Combine("microsoft-spark-3-5_2.12-2.3.1.jar"), "");

        var result = RunScript(dir.Path, "--spark-version", "3.5.1", "--master", "yarn", "--conf", "spark.dotnet.ignoreSparkPatchVersionCheck=true", "--", "--key", "host", "--output", "s3a://b/out", "s3a://b/in/*.warc.gz");

        Assert.Equal(0, result.ExitCode);
        var words = result.StdoutText.Trim().Split(' ');
        Assert.Equal(
            [
                "spark-submit", "--class", "org.apache.spark.deploy.dotnet.DotnetRunner", "--master", "yarn", "--deploy-mode", "client",
                "--conf", "spark.dotnet.ignoreSparkPatchVersionCheck=true", dir.Combine("microsoft-spark-3-5_2.12-2.3.1.jar"),
                "dotnet", dir.Combine("WarcUriCount.Spark.dll"), "--key", "host", "--output", "s3a://b/out", @"s3a://b/in/\*.warc.gz",
            ],
            words);
    }

    [Fact]
    public void SparkSubmit_AppZip_SubmitsTheZipAndTheExecutableName()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("WarcUriCount.Spark.dll"), "");

        var result = RunScript(dir.Path, "--jar", "/jars/microsoft-spark-3-3_2.12-2.3.1.jar", "--app", "hdfs:///apps/warc-uri-count.zip", "--deploy-mode", "cluster", "--", "--output", "o", "in");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "--deploy-mode cluster /jars/microsoft-spark-3-3_2.12-2.3.1.jar hdfs:///apps/warc-uri-count.zip WarcUriCount.Spark --output o in",
            result.StdoutText.Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void SparkSubmit_NoPublishedDriver_FailsClearly()
    {
        using var dir = new TempDirectory();

        var result = RunScript(dir.Path, "--", "--output", "o", "in");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("WarcUriCount.Spark.dll not found", result.Stderr, StringComparison.Ordinal);
    }
}
