using BigData.MapReduce.Jobs;
using BigData.Warc;

namespace BigData.MapReduce.Mapping;

/// <summary>Everything one map attempt needs to turn one input file into map calls.</summary>
/// <param name="Raw">The file's raw bytes, compressed or not, positioned at byte 0 (the runner owns and closes it).</param>
/// <param name="Source">The file's location, for messages and warnings.</param>
/// <param name="Job">The job; its <see cref="ICountingJob.InputKind"/> says records or lines.</param>
/// <param name="Mapper">The attempt's mapper.</param>
/// <param name="Output">Where the mapper's pairs go.</param>
/// <param name="Counters">The attempt's counters (merged into the job's only if the attempt commits).</param>
/// <param name="ReaderOptions">How to read archives.</param>
/// <param name="OnWarning">Receives lenient-mode warnings.</param>
public sealed record MapInput(
    Stream Raw,
    string Source,
    ICountingJob Job,
    IMapper Mapper,
    IKeyCountCollector Output,
    Counters Counters,
    WarcReaderOptions ReaderOptions,
    Action<WarcWarning> OnWarning);
