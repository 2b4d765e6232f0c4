using Conformance.Tests;
using TestSupport;
using WarcUriCount.Streaming.Tests.Support;

namespace WarcUriCount.Streaming.Tests.Pipelines;

/// <summary>
/// warc-uri-count as real processes, <c>map | LC_ALL=C sort | reduce</c> and <c>map | sort | combine | sort | reduce</c>,
/// over the whole fixture set for both input styles and every key rule: byte for byte what <c>bigdata count
/// --output -</c> prints, with the same counters.
/// </summary>
public sealed class StreamingPipelineTests
{
    public static TheoryData<string, string, bool> StylesKeysAndCombiner()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var style in new[] { "locations", "warc" })
        {
            foreach (var key in new[] { "origin", "host", "seed" })
            {
                data.Add(style, key, false);
                data.Add(style, key, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StylesKeysAndCombiner))]
    public void Pipeline_WholeFixtureSet_EqualsLocalRunnerByteForByte(string style, string key, bool combiner)
    {
        var files = Fixtures.For(style);
        var local = LocalRunner.CountToStdout(files, ["--key", key]);
        Assert.True(local.ExitCode == 0, local.Stderr);

        var outcome = StreamingSimulator.Run(new StreamingJobSpec
        {
            Inputs = files,
            InputStyle = style,
            JobArguments = ["--key", key],
            MapTasks = 3,
            Reducers = 1,
            Combiner = combiner,
        });

        Assert.True(outcome.Failure is null, outcome.Failure + "\n" + outcome.Stderr);
        Assert.True(local.Tsv.AsSpan().SequenceEqual(outcome.Output), $"{style} --key {key}: output differs from bigdata count --output -");
        Assert.Equal(1, outcome.Counter("files.failed")); // not-warc.html, in both styles
        AssertCountersMatch(LocalRunner.Counters(files, ["--key", key]), outcome.Counters, style);
    }

    [Theory]
    [InlineData("locations", "origin")]
    [InlineData("locations", "seed")]
    [InlineData("warc", "host")]
    [InlineData("warc", "seed")]
    public void Simulator_SampleOverSeveralMapsAndReducers_EqualsLocalRunner(string style, string key)
    {
        var files = Fixtures.Sample;
        var local = LocalRunner.CountToStdout(files, ["--key", key]);

        var outcome = StreamingSimulator.Run(new StreamingJobSpec
        {
            Inputs = files,
            InputStyle = style,
            JobArguments = ["--key", key],
            MapTasks = 3,
            Reducers = 3,
        });

        Assert.True(outcome.Failure is null, outcome.Failure + "\n" + outcome.Stderr);
        Assert.Equal(3, outcome.Parts.Count);
        foreach (var part in outcome.Parts)
        {
            Assert.Equal(StreamingSimulator.Sort(part), part); // each reducer writes its keys in order
        }

        TsvAssert.Equal(local.Tsv, outcome.Output, $"sample, {style}, --key {key}, 3 reducers");
        AssertCountersMatch(LocalRunner.Counters(files, ["--key", key]), outcome.Counters, style);
    }

    [Theory]
    [InlineData("locations")]
    [InlineData("warc")]
    public void Simulator_MapOnly_ValidKeyCountLinesThatSumToTheLocalRunner(string style)
    {
        var files = Fixtures.Sample;
        var local = LocalRunner.CountToStdout(files, ["--key", "host"]);

        var outcome = StreamingSimulator.Run(new StreamingJobSpec
        {
            Inputs = files,
            InputStyle = style,
            JobArguments = ["--key", "host", "--memory", "64KB"],
            MapTasks = 2,
            Reducers = 0,
        });

        Assert.True(outcome.Failure is null, outcome.Failure + "\n" + outcome.Stderr);
        var totals = KeyCountLines.Totals(outcome.Output); // asserts every line is key<TAB>count
        Assert.Equal(local.Tsv, KeyCountLines.ToTsv(totals));
        Assert.True(TsvAssert.Lines(outcome.Output).Count > totals.Count, "a 64KB budget must make the mappers write keys more than once");
    }

    /// <summary>
    /// The locations style reads each file exactly as the local runner does: every counter is equal. The warc style
    /// reads what TextInputFormat delivers: bytes.* count the re-lined text, and Content-Length is not checked (so no
    /// Content-Length warnings); every other counter is equal.
    /// </summary>
    private static void AssertCountersMatch(IReadOnlyDictionary<string, long> local, IReadOnlyDictionary<string, long> streaming, string style)
    {
        static bool Compared(string name, string style) =>
            style == "locations" || !(name.StartsWith("bytes.", StringComparison.Ordinal) || name.StartsWith("warnings.", StringComparison.Ordinal));

        var expected = local.Where(c => Compared(c.Key, style)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var actual = streaming.Where(c => Compared(c.Key, style)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }
}
