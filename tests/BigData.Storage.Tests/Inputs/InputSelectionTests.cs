using BigData.Storage.Inputs;

namespace BigData.Storage.Tests.Inputs;

public sealed class InputSelectionTests
{
    private static readonly string[] Locations =
        [.. Enumerable.Range(0, 2000).Select(i => $"crawl-data/CC-MAIN-2024-10/segments/{i % 97}/warc/CC-MAIN-{i:D5}.warc.gz")];

    [Fact]
    public void Apply_SameSeed_PicksTheSameInputsWhateverTheirOrder()
    {
        var options = new InputOptions { SampleFraction = 0.1, Seed = 42 };
        var shuffled = Locations.OrderBy(l => l.GetHashCode()).ToArray();

        var first = InputSelection.Apply(Locations, l => l, options);
        var again = InputSelection.Apply(Locations, l => l, options);
        var fromShuffled = InputSelection.Apply(shuffled, l => l, options);

        Assert.Equal(first, again);
        Assert.Equal(first.Order(StringComparer.Ordinal), fromShuffled.Order(StringComparer.Ordinal));
        Assert.Equal(first, Locations.Where(first.Contains)); // Original order is kept.
    }

    [Fact]
    public void Apply_Fraction_KeepsAboutThatShare()
    {
        var kept = InputSelection.Apply(Locations, l => l, new InputOptions { SampleFraction = 0.1, Seed = 1 }).Count;

        // 2000 draws at p = 0.1: mean 200, standard deviation ~13.4; five deviations either side.
        Assert.InRange(kept, 133, 267);
    }

    [Fact]
    public void Apply_OtherSeed_PicksOtherInputs()
    {
        var a = InputSelection.Apply(Locations, l => l, new InputOptions { SampleFraction = 0.1, Seed = 1 });
        var b = InputSelection.Apply(Locations, l => l, new InputOptions { SampleFraction = 0.1, Seed = 2 });

        Assert.NotEqual(a, b);
        Assert.True(a.Intersect(b).Count() < a.Count / 2, "two seeds picked mostly the same inputs");
    }

    [Fact]
    public void Apply_LargerFraction_KeepsASuperset()
    {
        // Threshold on a fixed hash: growing the fraction only adds inputs, so a 1% sample is inside the 10% one.
        var small = InputSelection.Apply(Locations, l => l, new InputOptions { SampleFraction = 0.01, Seed = 9 });
        var large = InputSelection.Apply(Locations, l => l, new InputOptions { SampleFraction = 0.1, Seed = 9 });

        Assert.NotEmpty(small);
        Assert.Subset(large.ToHashSet(), small.ToHashSet());
    }

    [Fact]
    public void Apply_SampleThenLimit_LimitsTheSample()
    {
        var options = new InputOptions { SampleFraction = 0.5, Seed = 3, Limit = 10 };
        var sample = InputSelection.Apply(Locations, l => l, options with { Limit = null });

        var limited = InputSelection.Apply(Locations, l => l, options);

        Assert.Equal(sample.Take(10), limited);
    }

    [Fact]
    public void UnitHash_IsStableAcrossRuns()
    {
        // Pinned against an independent computation: python3 -c "import hashlib;
        // h=hashlib.sha256(b'42\ns3://commoncrawl/x.warc.gz').digest(); print((int.from_bytes(h[:8],'big')>>11)/2**53)"
        Assert.Equal(ExpectedUnitHash, InputSelection.UnitHash("s3://commoncrawl/x.warc.gz", 42), 15);
    }

    private const double ExpectedUnitHash = 0.5287820226189227;
}
