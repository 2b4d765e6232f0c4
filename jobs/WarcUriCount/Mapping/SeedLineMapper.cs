using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using BigData.Warc;
using WarcUriCount.Keys;

namespace WarcUriCount.Mapping;

/// <summary>
/// The line-oriented mapper of the <c>seed</c> rule (<see cref="SeedKey"/>): <c>lines.total</c> per line, then
/// <c>lines.keyed</c> (key emitted with count 1) or <c>lines.seed_error</c> for a target line the classic mapper
/// crashes on; other lines only count in <c>lines.total</c>.
/// </summary>
internal sealed class SeedLineMapper : IMapper
{
    private readonly KeyScratch _scratch = new();
    private readonly Counter _total;
    private readonly Counter _keyed;
    private readonly Counter _seedError;

    public SeedLineMapper(Counters counters)
    {
        _total = counters[CounterNames.LinesTotal];
        _keyed = counters[CounterNames.LinesKeyed];
        _seedError = counters[CounterNames.LinesSeedError];
    }

    /// <inheritdoc />
    public void MapRecord(in WarcRecord record, IKeyCountCollector output) =>
        throw new InvalidOperationException("the seed key rule maps lines, not WARC records");

    /// <inheritdoc />
    public void MapLine(ReadOnlySpan<byte> line, IKeyCountCollector output)
    {
        _total.Increment();
        switch (SeedKey.Classify(line, out var part0, out var part2))
        {
            case SeedLineKind.Keyed:
                _keyed.Increment();
                var buffer = _scratch.Get(SeedKey.KeyLength(part0, part2), out var rented);
                var written = SeedKey.WriteKey(part0, part2, buffer);
                output.Add(buffer[..written], 1);
                KeyScratch.Release(rented);
                break;
            case SeedLineKind.Error:
                _seedError.Increment();
                break;
        }
    }
}
