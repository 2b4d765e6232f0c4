using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using WarcUriCount.Keys;
using WarcUriCount.Mapping;

namespace WarcUriCount.Tests;

public class WarcUriCountJobTests
{
    [Theory]
    [InlineData(KeyRule.Origin, MapInputKind.WarcRecords)]
    [InlineData(KeyRule.Host, MapInputKind.WarcRecords)]
    [InlineData(KeyRule.Seed, MapInputKind.Lines)]
    public void InputKind_PerKeyRule(KeyRule rule, MapInputKind expected)
    {
        var job = new WarcUriCountJob(new WarcUriCountOptions { Key = rule });

        Assert.Equal(expected, job.InputKind);
        Assert.Equal("warc-uri-count", job.Name);
    }

    [Fact]
    public void Constructor_NoOptions_DefaultOriginRule()
    {
        var job = new WarcUriCountJob();

        Assert.Equal(KeyRule.Origin, job.Options.Key);
        Assert.Equal(MapInputKind.WarcRecords, job.InputKind);
    }

    [Fact]
    public void CreateMapper_RecordRule_ResolvesItsCountersAtZero()
    {
        var counters = new Counters();
        var mapper = new WarcUriCountJob().CreateMapper(counters);

        Assert.IsType<RecordMapper>(mapper);
        Assert.Equal(
            ["records.filtered", "records.keyed", "records.no_host", "records.no_uri", "records.total"],
            counters.Snapshot().Select(c => c.Key));
        Assert.All(counters.Snapshot(), c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public void CreateMapper_SeedRule_ResolvesLineCountersAtZero()
    {
        var counters = new Counters();
        var mapper = new WarcUriCountJob(new WarcUriCountOptions { Key = KeyRule.Seed }).CreateMapper(counters);

        Assert.IsType<SeedLineMapper>(mapper);
        Assert.Equal(["lines.keyed", "lines.seed_error", "lines.total"], counters.Snapshot().Select(c => c.Key));
    }

    [Fact]
    public void CreateMapper_TwoAttempts_IndependentCounters()
    {
        var job = new WarcUriCountJob(new WarcUriCountOptions { Key = KeyRule.Seed });
        var first = new Counters();
        var second = new Counters();

        job.CreateMapper(first).MapLine("WARC-Target-URI: http://a/b"u8, new Support.CollectingOutput());
        job.CreateMapper(second);

        Assert.Equal(1, first.Get(CounterNames.LinesKeyed));
        Assert.Equal(0, second.Get(CounterNames.LinesKeyed));
    }
}
