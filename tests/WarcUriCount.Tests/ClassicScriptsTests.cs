using System.Text;
using System.Text.RegularExpressions;
using BigData.MapReduce;
using TestSupport;
using WarcUriCount.Keys;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

/// <summary>
/// The <c>seed</c> rule against the classic Python streaming job (<c>scripts/classic/</c>) run by the machine's
/// python3, on hand-made and seeded random lines: the mapper's output line by line, the full
/// <c>mapper | LC_ALL=C sort | reducer</c> pipeline after sorting, and the crash count.
/// </summary>
public partial class ClassicScriptsTests
{
    private static readonly string Mapper = RepoPaths.Of("scripts", "classic", "mapper.py");
    private static readonly string Reducer = RepoPaths.Of("scripts", "classic", "reducer.py");

    private static readonly string[] HandMade =
    [
        "WARC/1.0\r", "WARC-Type: response\r", "WARC-Target-URI: http://a.example/x\r", "WARC-Target-URI: dns:a\r",
        "WARC-Target-URI:\r", "", "\r", "  WARC-Target-URI:\thttps://B.example:443/\u000b\r",
        "warc-target-uri: http://lower/", "WARC-Target-URI:\u001chttp://fs/", "WARC-Target-URI: http:/x",
        "WARC-Target-URI: <http://a.example/>", "WARC-Target-URI: http://a.example/x again words",
        "<html>WARC-Target-URI: http://payload/</html>", "WARC-Target-URI: http://h\u00ff\u0080/",
    ];

    [Fact]
    public void SeedMapper_HandMadeAndRandomLines_SameOutputLinesAsClassicMapper()
    {
        var lines = Lines();
        var (output, counters) = MapWithSeedRule(lines);
        var expected = new MemoryStream();
        foreach (var (key, count) in output.Pairs)
        {
            expected.Write(key);
            expected.Write(Encoding.ASCII.GetBytes("\t" + count + "\n"));
        }

        var result = ProcessRunner.Run("python3", [Mapper], Join(lines));

        Assert.True(result.ExitCode == 0, "mapper.py failed: " + result.Stderr);
        AssertSameBytes(expected.ToArray(), result.Stdout);
        Assert.Equal(counters.Get(CounterNames.LinesSeedError), SeedErrors(result.Stderr));
        Assert.True(counters.Get(CounterNames.LinesSeedError) > 0 && counters.Get(CounterNames.LinesKeyed) > 100, "lines exercise both");
    }

    [Fact]
    public void SeedJob_HandMadeAndRandomLines_SameCountsAsClassicPipelineOnceSorted()
    {
        var lines = Lines();
        var (output, counters) = MapWithSeedRule(lines);
        var expected = Serialize(output.Reduced());

        var result = ProcessRunner.Bash(
            $"python3 '{Mapper}' | LC_ALL=C sort | python3 '{Reducer}'", Join(lines));

        Assert.True(result.ExitCode == 0, "classic pipeline failed: " + result.Stderr);
        var classic = Parse(result.Stdout);
        Assert.Equal(classic.Count, classic.Select(p => Convert.ToHexString(p.Key)).Distinct().Count());
        AssertSameBytes(expected, Serialize(classic.OrderBy(p => p.Key, ByteOrder.Instance).ToList()));
        Assert.Equal(counters.Get(CounterNames.LinesKeyed), classic.Sum(p => p.Count));
        Assert.Equal(counters.Get(CounterNames.LinesSeedError), SeedErrors(result.Stderr));
    }

    [Fact]
    public void Reducer_SortedPairsWithCountsAboveOne_SumsConsecutiveEqualKeys()
    {
        var input = Encoding.UTF8.GetBytes("a\t2\na\t3\na.b\t1\nb\t10\nb\t1\nc\t1\n");

        var result = ProcessRunner.Run("python3", [Reducer], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\t5\na.b\t1\nb\t11\nc\t1\n", result.StdoutText);
    }

    [Fact]
    public void Mapper_CrashLines_CountedNotFatal()
    {
        var input = Encoding.UTF8.GetBytes("WARC-Target-URI:\nWARC-Target-URI: dns:x\nWARC-Target-URI: http://ok/\n");

        var result = ProcessRunner.Run("python3", [Mapper], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("http://ok\t1\n", result.StdoutText);
        Assert.Equal(2, SeedErrors(result.Stderr));
    }

    private static List<byte[]> Lines() => [.. HandMade.Select(Encoding.Latin1.GetBytes), .. NastyLines.Generate(seed: 99, count: 5000)];

    /// <summary>Lines joined by LF, the last one without (python and the C# split must agree on it).</summary>
    private static byte[] Join(List<byte[]> lines)
    {
        var joined = new List<byte>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                joined.Add((byte)'\n');
            }

            joined.AddRange(lines[i]);
        }

        return [.. joined];
    }

    private static (CollectingOutput Output, Counters Counters) MapWithSeedRule(List<byte[]> lines)
    {
        var counters = new Counters();
        var mapper = new WarcUriCountJob(new WarcUriCountOptions { Key = KeyRule.Seed }).CreateMapper(counters);
        var output = new CollectingOutput();
        foreach (var line in lines)
        {
            mapper.MapLine(line, output);
        }

        Assert.Equal(lines.Count, counters.Get(CounterNames.LinesTotal));
        Assert.Equal(counters.Get(CounterNames.LinesKeyed), output.Pairs.Sum(p => p.Count));
        return (output, counters);
    }

    private static List<(byte[] Key, long Count)> Parse(byte[] tsv)
    {
        var pairs = new List<(byte[], long)>();
        var rest = tsv.AsSpan();
        while (!rest.IsEmpty)
        {
            var lf = rest.IndexOf((byte)'\n');
            Assert.True(lf >= 0, "every output line ends with LF");
            var line = rest[..lf];
            var tab = line.IndexOf((byte)'\t');
            pairs.Add((line[..tab].ToArray(), long.Parse(Encoding.ASCII.GetString(line[(tab + 1)..]), System.Globalization.CultureInfo.InvariantCulture)));
            rest = rest[(lf + 1)..];
        }

        return pairs;
    }

    private static byte[] Serialize(IReadOnlyList<(byte[] Key, long Count)> pairs)
    {
        var stream = new MemoryStream();
        foreach (var (key, count) in pairs)
        {
            stream.Write(key);
            stream.Write(Encoding.ASCII.GetBytes("\t" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        }

        return stream.ToArray();
    }

    private static long SeedErrors(string stderr)
    {
        var match = SeedErrorCounter().Match(stderr);
        Assert.True(match.Success, "no lines.seed_error counter on stderr: " + stderr);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var from = Math.Max(0, at - 60);
        Assert.Fail(
            $"outputs differ at byte {at} (C# {expected.Length} bytes, python {actual.Length} bytes)\n" +
            $"C#:     {Bytes.Show(expected.AsSpan(from, Math.Min(120, expected.Length - from)))}\n" +
            $"python: {Bytes.Show(actual.AsSpan(from, Math.Min(120, actual.Length - from)))}");
    }

    [GeneratedRegex(@"^reporter:counter:warc-uri-count,lines\.seed_error,(\d+)$", RegexOptions.Multiline)]
    private static partial Regex SeedErrorCounter();
}
