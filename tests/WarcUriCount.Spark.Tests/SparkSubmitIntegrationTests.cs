using System.Text;
using TestSupport;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// The fidelity rule against a real Spark: publishes the driver, runs spark-submit --master local[2] for each key rule
/// and compares the TSV output with `bigdata count --output -` on the same inputs. Runs only when SPARK_HOME and
/// MICROSOFT_SPARK_JAR are set (MICROSOFT_SPARK_DIR optionally points at a local folder of Microsoft.Spark DLLs;
/// otherwise the driver restores Microsoft.Spark 2.3.1 from NuGet). See NOTES-spark.md.
/// </summary>
public sealed class SparkSubmitIntegrationTests
{
    private static readonly Lazy<Tools> Shared = new(Tools.Build);

    /// <summary>(key rule, --types or null).</summary>
    private static readonly (string Key, string? Types)[] SampleRules =
        [("origin", null), ("host", null), ("seed", null), ("origin", "response"), ("host", "response")];

    private static readonly (string Key, string? Types)[] FixtureRules = [("origin", null), ("host", "response"), ("seed", null)];

    [RequiresEnvironmentFact("SPARK_HOME", "MICROSOFT_SPARK_JAR")]
    public void SparkSubmit_SampleData_WritesTheLocalRunnersLines()
    {
        var inputs = ArchiveFiles(RepoPaths.Sample);
        Assert.NotEmpty(inputs);
        foreach (var (key, types) in SampleRules)
        {
            var local = Shared.Value.RunLocal(key, types, inputs);
            var spark = Shared.Value.RunSpark(key, types, inputs);
            Assert.True(spark.ExitCode == 0, $"spark-submit --key {key} --types {types} failed:\n{spark.Log}");
            Assert.Equal(SortedLines(local), SortedLines(spark.Output!));
        }
    }

    [RequiresEnvironmentFact("SPARK_HOME", "MICROSOFT_SPARK_JAR")]
    public void SparkSubmit_EachFixture_WritesTheLocalRunnersLinesOrRefuses()
    {
        var files = ArchiveFiles(RepoPaths.Fixtures);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var (key, types) in FixtureRules)
            {
                var spark = Shared.Value.RunSpark(key, types, [file]);
                if (spark.ExitCode != 0)
                {
                    // Refusing is allowed by the fidelity rule; writing different numbers is not.
                    Assert.Null(spark.Output);
                    continue;
                }

                var local = Shared.Value.RunLocal(key, types, [file]);
                Assert.True(SortedLines(local).SequenceEqual(SortedLines(spark.Output!)), $"{file} --key {key} --types {types}: Spark and the local runner differ");
            }
        }
    }

    /// <summary>Files that look like archives by their first bytes (gzip magic or a version line), recursively.</summary>
    private static List<string> ArchiveFiles(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f =>
            {
                var head = new byte[5];
                using var s = File.OpenRead(f);
                var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                return (n >= 2 && head[0] == 0x1F && head[1] == 0x8B) || (n == 5 && Encoding.ASCII.GetString(head).Equals("WARC/", StringComparison.OrdinalIgnoreCase));
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<byte[]> SortedLines(byte[] tsv)
    {
        var lines = new List<byte[]>();
        var span = tsv.AsSpan();
        while (span.Length > 0)
        {
            var lf = span.IndexOf((byte)'\n');
            var line = lf < 0 ? span : span[..lf];
            lines.Add(line.ToArray());
            span = lf < 0 ? [] : span[(lf + 1)..];
        }

        lines.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        return lines;
    }

    private sealed record SparkRun(int ExitCode, byte[]? Output, string Log);

    private sealed class Tools
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "bigdata-spark-it-" + Guid.NewGuid().ToString("N")[..8]);

        private string Publish => Path.Combine(_dir, "publish");

        private string Cli => Path.Combine(_dir, "cli", "bigdata.dll");

        public static Tools Build()
        {
            var tools = new Tools();
            var publish = ProcessRunner.Run("bash", [RepoPaths.Of("scripts", "spark-submit.sh"), "--publish-dir", tools.Publish, "--", "--help"], timeout: TimeSpan.FromMinutes(10));
            Assert.True(publish.ExitCode == 0, "publishing the Spark driver failed:\n" + publish.Stderr);
            var cli = ProcessRunner.Run("dotnet", ["build", RepoPaths.Of("src", "BigData.Cli", "BigData.Cli.csproj"), "-c", "Release", "-o", Path.Combine(tools._dir, "cli"), "-nologo", "-v", "q"], timeout: TimeSpan.FromMinutes(10));
            Assert.True(cli.ExitCode == 0, "building the CLI failed:\n" + cli.StdoutText + cli.Stderr);
            return tools;
        }

        public byte[] RunLocal(string key, string? types, IReadOnlyList<string> inputs)
        {
            List<string> args = [Cli, "count", "--key", key, "--output", "-"];
            if (types != null)
            {
                args.AddRange(["--types", types]);
            }

            var result = ProcessRunner.Run("dotnet", [.. args, .. inputs], timeout: TimeSpan.FromMinutes(5));
            Assert.True(result.ExitCode == 0, $"bigdata count --key {key} failed:\n{result.Stderr}");
            return result.Stdout;
        }

        public SparkRun RunSpark(string key, string? types, IReadOnlyList<string> inputs)
        {
            var output = Path.Combine(_dir, "out-" + Guid.NewGuid().ToString("N")[..8]);
            List<string> args =
            [
                RepoPaths.Of("scripts", "spark-submit.sh"), "--no-build", "--run", "--publish-dir", Publish, "--master", "local[2]",
                "--conf", "spark.dotnet.ignoreSparkPatchVersionCheck=true",
                "--", "--key", key, "--format", "tsv", "--output", "file://" + output,
            ];
            if (types != null)
            {
                args.AddRange(["--types", types]);
            }

            var result = ProcessRunner.Run("bash", [.. args, .. inputs.Select(i => "file://" + Path.GetFullPath(i))], timeout: TimeSpan.FromMinutes(5));
            var log = result.StdoutText + result.Stderr;
            if (!File.Exists(Path.Combine(output, "_SUCCESS")))
            {
                return new SparkRun(result.ExitCode == 0 ? -1 : result.ExitCode, null, log);
            }

            var bytes = Directory.EnumerateFiles(output, "part-*")
                .Order(StringComparer.Ordinal)
                .SelectMany(File.ReadAllBytes)
                .ToArray();
            return new SparkRun(result.ExitCode, bytes, log);
        }
    }
}
