using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using TestSupport;
using WarcUriCount.Keys;
using WarcUriCount.Mapping;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

public class RecordMapperTests
{
    private static (RecordMapper Mapper, Counters Counters) Create(KeyRule rule = KeyRule.Origin, string? types = null)
    {
        var counters = new Counters();
        var job = new WarcUriCountJob(new WarcUriCountOptions
        {
            Key = rule,
            Types = types is null ? null : WarcUriCountOptions.ParseTypes(types),
        });
        return ((RecordMapper)job.CreateMapper(counters), counters);
    }

    private static void Map(RecordMapper mapper, IKeyCountCollector output, string type, string? uri) =>
        mapper.MapHeaders(Bytes.Utf8(type), uri is not null, uri is null ? default : Bytes.Utf8(uri), output);

    [Fact]
    public void MapHeaders_CommonCrawlCapture_CountsEveryRecordAndKeysEachTargetUri()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();

        Map(mapper, output, "warcinfo", null);
        Map(mapper, output, "request", "https://Example.com/");
        Map(mapper, output, "response", "https://Example.com/");
        Map(mapper, output, "metadata", "https://example.com:443/");
        Map(mapper, output, "response", "dns:example.com");
        Map(mapper, output, "", "http://no-type.example/");

        Assert.Equal(
            ["https://example.com", "https://example.com", "https://example.com", "http://no-type.example"],
            output.Keys);
        Assert.All(output.Pairs, p => Assert.Equal(1, p.Count));
        Assert.Equal(6, counters.Get(CounterNames.RecordsTotal));
        Assert.Equal(4, counters.Get(CounterNames.RecordsKeyed));
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoUri));
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoHost));
        Assert.Equal(0, counters.Get(CounterNames.RecordsFiltered));
        Assert.Equal(1, counters.Get("records.by_type.warcinfo"));
        Assert.Equal(1, counters.Get("records.by_type.request"));
        Assert.Equal(2, counters.Get("records.by_type.response"));
        Assert.Equal(1, counters.Get("records.by_type.metadata"));
        Assert.Equal(1, counters.Get("records.by_type._missing"));
    }

    [Fact]
    public void MapHeaders_HostRule_KeysAreHosts()
    {
        var (mapper, _) = Create(KeyRule.Host);
        var output = new CollectingOutput();

        Map(mapper, output, "response", "HTTPS://User@WWW.Example.com.:8443/x");
        Map(mapper, output, "response", "http://[::1]:80/");

        Assert.Equal(["www.example.com", "[::1]"], output.Keys);
    }

    [Fact]
    public void MapHeaders_TypeFilter_CaseInsensitiveAndCountedBeforeUri()
    {
        var (mapper, counters) = Create(types: "Response,REVISIT");
        var output = new CollectingOutput();

        Map(mapper, output, "response", "http://a.example/");
        Map(mapper, output, "RESPONSE", "http://b.example/");
        Map(mapper, output, "revisit", "http://c.example/");
        Map(mapper, output, "request", "http://a.example/");
        Map(mapper, output, "warcinfo", null);
        Map(mapper, output, "", "http://d.example/");
        Map(mapper, output, "response", null);
        Map(mapper, output, "response", "urn:x");

        Assert.Equal(["http://a.example", "http://b.example", "http://c.example"], output.Keys);
        Assert.Equal(8, counters.Get(CounterNames.RecordsTotal));
        Assert.Equal(3, counters.Get(CounterNames.RecordsKeyed));
        Assert.Equal(3, counters.Get(CounterNames.RecordsFiltered));
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoUri));
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoHost));
        Assert.Equal(4, counters.Get("records.by_type.response")); // the two spellings share a counter
        Assert.Equal(1, counters.Get("records.by_type.revisit"));
        Assert.Equal(1, counters.Get("records.by_type.request"));
        Assert.Equal(1, counters.Get("records.by_type._missing"));
    }

    [Fact]
    public void MapHeaders_EmptyTargetUri_CountedAsNoUri()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();

        Map(mapper, output, "response", "");

        Assert.Empty(output.Pairs);
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoUri));
        Assert.Equal(0, counters.Get(CounterNames.RecordsNoHost));
    }

    [Fact]
    public void MapHeaders_UriFromReader_NotUnbracketedAgain()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();

        // The reader already removed one <...>; what is left is not a URI.
        Map(mapper, output, "response", "<http://a.example/>");

        Assert.Empty(output.Pairs);
        Assert.Equal(1, counters.Get(CounterNames.RecordsNoHost));
    }

    [Fact]
    public void MapHeaders_UnusualTypeNames_SafeCounterNames()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();

        Map(mapper, output, "Foo,Bar Baz", "http://a/");
        Map(mapper, output, "foo,bar baz", "http://a/");
        Map(mapper, output, "t\u00fcp", "http://a/");
        Map(mapper, output, new string('X', 100), "http://a/");

        Assert.Equal(2, counters.Get("records.by_type.foo_bar_baz"));
        Assert.Equal(1, counters.Get("records.by_type.t__p")); // two UTF-8 bytes
        Assert.Equal(1, counters.Get("records.by_type." + new string('x', 48)));
        Assert.All(counters.Snapshot(), c => Assert.InRange(c.Key.Length, 1, 64));
    }

    [Fact]
    public void MapHeaders_ManyDistinctTypes_BoundedCountersFilterStillExact()
    {
        var (mapper, counters) = Create(types: "t39");
        var output = new CollectingOutput();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                Map(mapper, output, "t" + i, "http://h" + i + "/");
            }
        }

        var byType = counters.Snapshot().Where(c => c.Key.StartsWith(CounterNames.RecordsByTypePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(33, byType.Count); // 32 distinct types, then one shared counter
        Assert.Equal(3 * 8, counters.Get("records.by_type._other"));
        Assert.Equal(3, counters.Get("records.by_type.t0"));
        Assert.Equal(["http://h39", "http://h39", "http://h39"], output.Keys);
        Assert.Equal(117, counters.Get(CounterNames.RecordsFiltered));
    }

    [Fact]
    public void MapHeaders_HugeUri_KeyedThroughPooledBuffer()
    {
        var (mapper, counters) = Create();
        var output = new CollectingOutput();
        var host = new string('a', 3 * KeyScratch.FixedSize);

        Map(mapper, output, "response", "http://" + host + ":8080/" + new string('p', 5000));
        Map(mapper, output, "response", "http://small/");

        Assert.Equal(["http://" + host + ":8080", "http://small"], output.Keys);
        Assert.Equal(2, counters.Get(CounterNames.RecordsKeyed));
    }

    [Theory]
    [InlineData(KeyRule.Origin)]
    [InlineData(KeyRule.Host)]
    public void MapHeaders_RepeatedTargetUris_SameKeysAndCountersAsAFreshMapperPerRecord(KeyRule rule)
    {
        // Runs of one URI (a capture's request, response and metadata), URIs that only differ in a byte or a suffix,
        // URIs without a key and URIs too long to be remembered: the remembered key must never leak to another URI.
        var random = new Random(5);
        var pool = NastyUris.Generate(seed: 9, count: 300);
        pool.Add(Bytes.Utf8("http://a.example/"));
        pool.Add(Bytes.Utf8("http://a.example/x"));
        pool.Add(Bytes.Utf8("http://b.example/"));
        pool.Add(Bytes.Utf8("http://" + new string('l', RecentUriKey.Capacity) + "/"));
        pool.Add(Bytes.Utf8("http://" + new string('l', RecentUriKey.Capacity) + "/y"));
        var (mapper, counters) = Create(rule);
        var output = new CollectingOutput();
        var expected = new CollectingOutput();
        var expectedCounters = new Counters();
        for (var i = 0; i < 3000; i++)
        {
            var uri = pool[random.Next(pool.Count)];
            for (var run = random.Next(1, 4); run > 0; run--)
            {
                mapper.MapHeaders("response"u8, true, uri, output);
                var (fresh, freshCounters) = Create(rule);
                fresh.MapHeaders("response"u8, true, uri, expected);
                expectedCounters.Add(freshCounters);
            }
        }

        Assert.Equal(expected.Pairs.Select(p => Convert.ToHexString(p.Key)), output.Pairs.Select(p => Convert.ToHexString(p.Key)));
        Assert.Equal(expectedCounters.Snapshot(), counters.Snapshot());
        Assert.True(counters.Get(CounterNames.RecordsNoHost) > 0, "the pool has URIs without a key");
    }

    [Theory]
    [InlineData(KeyRule.Origin, null)]
    [InlineData(KeyRule.Host, null)]
    [InlineData(KeyRule.Origin, "response,metadata")]
    public void MapHeaders_RandomRecords_InvariantHoldsAndOutputSumsToKeyed(KeyRule rule, string? types)
    {
        var (mapper, counters) = Create(rule, types);
        var output = new SummingOutput();
        var random = new Random(11);
        string[] typeNames = ["response", "request", "metadata", "warcinfo", "revisit", "Response", ""];
        var uris = NastyUris.Generate(seed: 3, count: 2000);

        foreach (var uri in uris)
        {
            var type = Bytes.Utf8(typeNames[random.Next(typeNames.Length)]);
            var hasUri = random.Next(10) != 0;
            mapper.MapHeaders(type, hasUri, hasUri ? uri : default, output);
        }

        var total = counters.Get(CounterNames.RecordsTotal);
        Assert.Equal(uris.Count, total);
        Assert.Equal(
            total,
            counters.Get(CounterNames.RecordsKeyed) + counters.Get(CounterNames.RecordsNoUri)
            + counters.Get(CounterNames.RecordsNoHost) + counters.Get(CounterNames.RecordsFiltered));
        Assert.Equal(counters.Get(CounterNames.RecordsKeyed), output.Sum);
        Assert.Equal(
            total,
            counters.Snapshot().Where(c => c.Key.StartsWith(CounterNames.RecordsByTypePrefix, StringComparison.Ordinal)).Sum(c => c.Value));
        Assert.True(counters.Get(CounterNames.RecordsKeyed) > 0 && counters.Get(CounterNames.RecordsNoHost) > 0, "the grammar yields both");
    }

    [Fact]
    public void MapHeaders_SteadyState_NoAllocationPerRecord()
    {
        var (mapper, _) = Create(types: "response,request");
        var output = new SummingOutput();
        var records = new[]
        {
            (Bytes.Utf8("response"), Bytes.Utf8("https://www.Example.com:443/index.html")),
            (Bytes.Utf8("request"), Bytes.Utf8("http://user@[2001:db8::1]:8080/")),
            (Bytes.Utf8("metadata"), Bytes.Utf8("https://www.example.com/")),
            (Bytes.Utf8("RESPONSE"), Bytes.Utf8("dns:example.com")),
            (Bytes.Utf8(""), Bytes.Utf8("http://x/")),
        };
        foreach (var (type, uri) in records)
        {
            mapper.MapHeaders(type, true, uri, output); // warm up the type table
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20_000; i++)
        {
            var (type, uri) = records[i % records.Length];
            mapper.MapHeaders(type, true, uri, output);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4096, $"{allocated} bytes allocated for 20,000 records");
        Assert.True(output.Calls > 0);
    }

    [Fact]
    public void MapLine_RecordRule_Throws()
    {
        var (mapper, _) = Create();
        Assert.Throws<InvalidOperationException>(() => mapper.MapLine("x"u8, new CollectingOutput()));
    }
}
