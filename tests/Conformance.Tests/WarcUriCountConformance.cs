using TestSupport;
using WarcUriCount;

namespace Conformance.Tests;

/// <summary>
/// The one conformance suite every runner must pass (DESIGN.md §1 fidelity rule): the same inputs and options give
/// the same key&lt;TAB&gt;count bytes and the same counters. Expectations come from hand-written golden files, the
/// classic Python job (seed) and invariants, never from the runner under test.
/// </summary>
public abstract class WarcUriCountConformance
{
    /// <summary>Runs warc-uri-count over <paramref name="inputs"/> with the given rule and type filter.</summary>
    protected abstract RunOutcome Count(IReadOnlyList<string> inputs, string key, string? types = null);

    /// <summary>Every fixture with a hand-written expectation, for every record-aware key rule.</summary>
    public static TheoryData<string, string> FixturesWithExpectations()
    {
        var data = new TheoryData<string, string>();
        foreach (var expected in Directory.GetFiles(RepoPaths.Fixtures, "*.expected.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(expected);
            var parts = name[..^".expected.tsv".Length];
            var rule = parts[(parts.LastIndexOf('.') + 1)..];
            data.Add(parts[..parts.LastIndexOf('.')], rule);
        }

        return data;
    }

    /// <summary>Every fixture archive (everything but expectations, docs and the generator).</summary>
    public static TheoryData<string> FixtureArchives()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Fixtures).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".tsv", StringComparison.Ordinal) && !name.EndsWith(".md", StringComparison.Ordinal)
                && !name.EndsWith(".py", StringComparison.Ordinal) && !name.EndsWith(".html", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesWithExpectations))]
    public void Count_Fixture_MatchesHandWrittenExpectation(string fixture, string key)
    {
        var outcome = Count([Path.Combine(RepoPaths.Fixtures, fixture)], key);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var expected = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, $"{fixture}.{key}.expected.tsv"));
        TsvAssert.Equal(expected, outcome.Tsv, $"{fixture} --key {key}");
        AssertRecordInvariant(outcome);
    }

    [Theory]
    [MemberData(nameof(FixtureArchives))]
    public void Count_FixtureWithSeedRule_MatchesClassicPythonJob(string fixture)
    {
        var path = Path.Combine(RepoPaths.Fixtures, fixture);
        var expected = ClassicJob.Run(ClassicJob.Uncompressed(path));

        var outcome = Count([path], "seed");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        TsvAssert.Equal(expected, outcome.Tsv, $"{fixture} --key seed");
        Assert.Equal(TsvAssert.SumOfCounts(outcome.Tsv), outcome.Counter(CounterNames.LinesKeyed));
    }

    [Theory]
    [InlineData("origin")]
    [InlineData("host")]
    [InlineData("seed")]
    public void Count_Sample_MatchesGoldenFile(string key)
    {
        var outcome = Count([RepoPaths.Sample], key);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        TsvAssert.Equal(File.ReadAllBytes(RepoPaths.Of("data", $"sample.{key}.expected.tsv")), outcome.Tsv, $"data/sample --key {key}");
        if (key != "seed")
        {
            AssertRecordInvariant(outcome);
            Assert.Equal(Directory.GetFiles(RepoPaths.Sample).Length, outcome.Counter(CounterNames.FilesOk));
        }
    }

    [Fact]
    public void Count_SampleWithResponseType_CountsOnlyResponses()
    {
        var all = Count([RepoPaths.Sample], "origin");
        var responses = Count([RepoPaths.Sample], "origin", "response");

        Assert.True(responses.ExitCode == 0, responses.Stderr);
        AssertRecordInvariant(responses);
        var responseRecords = responses.Counter(CounterNames.RecordsByTypePrefix + "response");
        Assert.True(responseRecords > 0);
        Assert.Equal(all.Counter(CounterNames.RecordsTotal) - responseRecords, responses.Counter(CounterNames.RecordsFiltered));
        Assert.Equal(responseRecords, responses.Counter(CounterNames.RecordsKeyed) + responses.Counter(CounterNames.RecordsNoHost) + responses.Counter(CounterNames.RecordsNoUri));
        Assert.True(TsvAssert.SumOfCounts(responses.Tsv) < TsvAssert.SumOfCounts(all.Tsv));
    }

    [Fact]
    public void Count_NotAnArchiveBesideGoodFile_FailsOnlyThatFile()
    {
        var outcome = Count([Path.Combine(RepoPaths.Fixtures, "not-warc.html"), Path.Combine(RepoPaths.Fixtures, "authority.warc")], "origin");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        TsvAssert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "authority.warc.origin.expected.tsv")), outcome.Tsv, "good file's counts");
        Assert.Equal(1, outcome.Counter(CounterNames.FilesFailed));
        Assert.Equal(1, outcome.Counter(CounterNames.FilesOk));
        Assert.Contains("not-warc.html", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_TruncatedGzip_WarnsAndKeepsCompleteRecords()
    {
        var outcome = Count([Path.Combine(RepoPaths.Fixtures, "truncated.warc.gz")], "origin");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(7, outcome.Counter(CounterNames.RecordsKeyed));
        Assert.True(outcome.Counters.Where(c => c.Key.StartsWith(CounterNames.WarningsPrefix, StringComparison.Ordinal)).Sum(c => c.Value) >= 1,
            "a truncated file must leave a warning counter");
    }

    [Fact]
    public void Count_WrongContentLength_WarnsAndResynchronises()
    {
        var outcome = Count([Path.Combine(RepoPaths.Fixtures, "wrong-length.warc")], "origin");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(6, outcome.Counter(CounterNames.RecordsKeyed));
        Assert.True(outcome.Counter(CounterNames.WarningsPrefix + "content_length_mismatch") >= 2);
    }

    private static void AssertRecordInvariant(RunOutcome outcome)
    {
        Assert.Equal(
            outcome.Counter(CounterNames.RecordsTotal),
            outcome.Counter(CounterNames.RecordsKeyed) + outcome.Counter(CounterNames.RecordsNoUri)
            + outcome.Counter(CounterNames.RecordsNoHost) + outcome.Counter(CounterNames.RecordsFiltered));
        Assert.Equal(outcome.Counter(CounterNames.RecordsKeyed), TsvAssert.SumOfCounts(outcome.Tsv));
    }
}
