using System.Globalization;
using Conformance.Tests;
using TestSupport;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Pipelines;

/// <summary>
/// The real HadoopStreaming class, in Hadoop's local mode (-D mapreduce.framework.name=local -D fs.defaultFS=file:///),
/// run by scripts/hadoop-streaming.sh --run on data/sample with the published executable, against the local runner.
/// Needs a Hadoop install: HADOOP_HOME, or HADOOP_STREAMING_JAR with a Hadoop classpath in HADOOP_CLASSPATH.
/// </summary>
public sealed class HadoopIntegrationTests
{
    [RequiresEnvironmentFact("HADOOP_HOME")]
    public void Hadoop_LocalModeFromHadoopHome_EqualsLocalRunner() => RunBothStyles();

    [RequiresEnvironmentFact("HADOOP_STREAMING_JAR", "HADOOP_CLASSPATH")]
    public void Hadoop_LocalModeFromStreamingJarAndClasspath_EqualsLocalRunner() => RunBothStyles();

    private static void RunBothStyles()
    {
        if (!File.Exists(StreamingExecutable.PublishedPath))
        {
            var publish = ProcessRunner.Run("bash", [RepoPaths.Of("scripts", "publish-streaming.sh")], timeout: TimeSpan.FromMinutes(15));
            Assert.True(publish.ExitCode == 0, "publish failed: " + publish.Stderr);
        }

        var files = Fixtures.Sample;
        var local = LocalRunner.CountToStdout(files, ["--key", "host"]);
        var localCounters = LocalRunner.Counters(files, ["--key", "host"]);
        foreach (var style in new[] { "warc", "locations" })
        {
            using var temp = new TempDirectory("bigdata-hadoop");
            var output = temp.Combine("out");
            var result = ProcessRunner.Run(
                "bash",
                [RepoPaths.Of("scripts", "hadoop-streaming.sh"), "--run", "--local", "--style", style, "--reducers", "2", "--output", output, "--", "--key", "host"],
                timeout: TimeSpan.FromMinutes(15));

            Assert.True(result.ExitCode == 0, $"{style}: hadoop failed:\n{result.Stderr}");
            Assert.True(File.Exists(Path.Combine(output, "_SUCCESS")), $"{style}: no _SUCCESS");
            var parts = Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
            Assert.Equal(2, parts.Count);
            TsvAssert.Equal(local.Tsv, [.. parts.SelectMany(p => p)], $"hadoop local mode, {style} style");

            var counters = JobCounters(result.Stderr + result.StdoutText);
            Assert.Equal(localCounters["records.keyed"], counters.GetValueOrDefault("records.keyed"));
            Assert.Equal(localCounters["records.total"], counters.GetValueOrDefault("records.total"));
            Assert.Equal(files.Count, counters.GetValueOrDefault("files.ok"));
        }
    }

    /// <summary>The warc-uri-count group of the counters Hadoop's client prints when the job ends (<c>name=value</c> lines under the group).</summary>
    private static Dictionary<string, long> JobCounters(string log)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var inGroup = false;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.Trim();
            if (line == "warc-uri-count")
            {
                inGroup = true;
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (inGroup && eq > 0 && long.TryParse(line[(eq + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                counters[line[..eq]] = value;
            }
            else if (inGroup)
            {
                inGroup = false;
            }
        }

        return counters;
    }
}
