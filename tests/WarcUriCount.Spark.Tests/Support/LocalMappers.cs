using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using WarcUriCount.Mapping;
using WarcUriCount.SparkPlan;
using JobKeyRule = WarcUriCount.Keys.KeyRule;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>How the local runner counted one record or line: a <see cref="RowStatus"/> and, when keyed, the key.</summary>
public sealed record LocalOutcome(string Status, byte[]? Key);

/// <summary>
/// The job's own mappers (jobs/WarcUriCount: <c>RecordMapper</c>, the seed line mapper) run one input at a time, so
/// each record or line gets the status the local runner counts it under, read from the counter that moved.
/// </summary>
public sealed class LocalMappers
{
    private readonly Counters _counters = new();
    private readonly IMapper _mapper;
    private readonly bool _seed;

    /// <param name="rule">The key rule.</param>
    /// <param name="types">A <c>--types</c> list as the CLI takes it, or null.</param>
    public LocalMappers(KeyRule rule, string? types = null)
    {
        _seed = rule == KeyRule.Seed;
        var options = new WarcUriCountOptions
        {
            Key = rule switch { KeyRule.Origin => JobKeyRule.Origin, KeyRule.Host => JobKeyRule.Host, _ => JobKeyRule.Seed },
            Types = types == null ? null : WarcUriCountOptions.ParseTypes(types),
        };
        _mapper = new WarcUriCountJob(options).CreateMapper(_counters);
    }

    /// <summary>The counters so far (every input mapped through this instance).</summary>
    public Counters Counters => _counters;

    /// <summary>Maps one record, given its header lines (after the version line), through <c>RecordMapper.MapHeaders</c>.</summary>
    public LocalOutcome MapRecord(byte[] headerBlock)
    {
        var hasUri = ReaderModel.TryGetTargetUri(headerBlock, out var uri);
        return Map(
            [CounterNames.RecordsKeyed, CounterNames.RecordsNoUri, CounterNames.RecordsNoHost, CounterNames.RecordsFiltered],
            [RowStatus.Keyed, RowStatus.NoUri, RowStatus.NoHost, RowStatus.Filtered],
            output => ((RecordMapper)_mapper).MapHeaders(ReaderModel.Type(headerBlock), hasUri, uri, output));
    }

    /// <summary>Maps one line (without its LF) through the seed mapper.</summary>
    public LocalOutcome MapLine(byte[] line)
    {
        if (!_seed)
        {
            throw new InvalidOperationException("lines are mapped by the seed rule only");
        }

        return Map(
            [CounterNames.LinesKeyed, CounterNames.LinesSeedError, CounterNames.LinesTotal],
            [RowStatus.Keyed, RowStatus.SeedError, RowStatus.OtherLine],
            output => _mapper.MapLine(line, output));
    }

    private LocalOutcome Map(string[] counters, string[] statuses, Action<IKeyCountCollector> map)
    {
        var before = counters.Select(_counters.Get).ToArray();
        var output = new SingleKey();
        map(output);
        var moved = Enumerable.Range(0, counters.Length).Where(i => _counters.Get(counters[i]) != before[i]).ToList();

        // The first counter that moved (for lines, lines.total moves too: "other" only when nothing else did).
        var status = statuses[moved[0]];
        Assert.True((status == RowStatus.Keyed) == (output.Key != null), "a key is emitted exactly for keyed inputs");
        return new LocalOutcome(status, output.Key);
    }

    private sealed class SingleKey : IKeyCountCollector
    {
        public byte[]? Key { get; private set; }

        public void Add(ReadOnlySpan<byte> key, long count)
        {
            Assert.Null(Key);
            Assert.Equal(1, count);
            Key = key.ToArray();
        }
    }
}
