using BigData.MapReduce;
using WarcUriCount.Keys;
using WarcUriCount.Mapping;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

public class SeedLineMapperTests
{
    private static (SeedLineMapper Mapper, Counters Counters) Create()
    {
        var counters = new Counters();
        var job = new WarcUriCountJob(new WarcUriCountOptions { Key = KeyRule.Seed });
        return ((SeedLineMapper)job.CreateMapper(counters), counters);
    }

    [Fact]
    public void MapLine_WarcHeadersAndPayload_CountsLinesAndKeysTargetLines()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();
        string[] lines =
        [
            "WARC/1.0\r",
            "WARC-Type: response\r",
            "WARC-Target-URI: http://a.example/x\r",
            "WARC-Target-URI: dns:a.example\r",
            "\r",
            "<p>WARC-Target-URI: http://not.first/</p>",
            "  WARC-Target-URI: https://b.example/",
            "WARC-Target-URI:",
            "",
        ];

        foreach (var line in lines)
        {
            mapper.MapLine(Bytes.Utf8(line), output);
        }

        Assert.Equal(["http://a.example", "https://b.example"], output.Keys);
        Assert.Equal(9, counters.Get(CounterNames.LinesTotal));
        Assert.Equal(2, counters.Get(CounterNames.LinesKeyed));
        Assert.Equal(2, counters.Get(CounterNames.LinesSeedError));
        Assert.Equal(0, counters.Get(CounterNames.RecordsTotal));
    }

    [Fact]
    public void MapLine_HugeTargetLine_KeyedThroughPooledBuffer()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();
        var host = new string('b', 2 * KeyScratch.FixedSize);

        mapper.MapLine(Bytes.Utf8("WARC-Target-URI: http://" + host + "/p"), output);

        Assert.Equal(["http://" + host], output.Keys);
        Assert.Equal(1, counters.Get(CounterNames.LinesKeyed));
    }

    [Fact]
    public void MapLine_SteadyState_NoAllocationPerLine()
    {
        var (mapper, _) = Create();
        var output = new SummingOutput();
        var lines = new[]
        {
            Bytes.Utf8("WARC-Target-URI: http://a.example/x\r"),
            Bytes.Utf8("<html><body>some payload text</body></html>"),
            Bytes.Utf8("WARC-Target-URI: dns:a.example\r"),
        };

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 30_000; i++)
        {
            mapper.MapLine(lines[i % lines.Length], output);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4096, $"{allocated} bytes allocated for 30,000 lines");
        Assert.Equal(10_000, output.Sum);
    }

    [Fact]
    public void MapRecord_SeedRule_Throws()
    {
        var (mapper, _) = Create();
        Assert.Throws<InvalidOperationException>(() => mapper.MapRecord(default, new CollectingOutput()));
    }
}
