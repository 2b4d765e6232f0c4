using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using WarcUriCount.Keys;
using WarcUriCount.Mapping;

namespace WarcUriCount;

/// <summary>
/// warc-uri-count: counts <c>WARC-Target-URI</c> values per key (DESIGN.md §5). With the <c>origin</c> and
/// <c>host</c> rules it maps WARC records; with <c>seed</c> it maps lines, byte for byte like the classic Python
/// streaming job (<c>scripts/classic/mapper.py</c>). Combine and reduce are the runners' sum.
/// </summary>
public sealed class WarcUriCountJob : ICountingJob
{
    /// <summary>The job's name, also its Hadoop counter group.</summary>
    public const string JobName = CounterNames.Group;

    private readonly byte[][]? _typeFilter;

    /// <summary>Creates the job; <paramref name="options"/> default to <see cref="WarcUriCountOptions.Default"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="WarcUriCountOptions.Validate"/>).</exception>
    public WarcUriCountJob(WarcUriCountOptions? options = null)
    {
        Options = options ?? WarcUriCountOptions.Default;
        Options.Validate();
        _typeFilter = RecordTypeTable.CompileFilter(Options.Types);
    }

    /// <summary>The options the job runs with.</summary>
    public WarcUriCountOptions Options { get; }

    /// <inheritdoc />
    public string Name => JobName;

    /// <inheritdoc />
    public MapInputKind InputKind => Options.Key == KeyRule.Seed ? MapInputKind.Lines : MapInputKind.WarcRecords;

    /// <inheritdoc />
    public IMapper CreateMapper(Counters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return Options.Key == KeyRule.Seed
            ? new SeedLineMapper(counters)
            : new RecordMapper(counters, Options.Key, _typeFilter);
    }
}
