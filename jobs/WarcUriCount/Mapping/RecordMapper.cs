using System.Buffers;
using System.Diagnostics;
using BigData.MapReduce;
using BigData.MapReduce.Jobs;
using BigData.Warc;
using WarcUriCount.Keys;

namespace WarcUriCount.Mapping;

/// <summary>
/// The record-aware mapper of the <c>origin</c> and <c>host</c> rules. Per record: <c>records.total</c> and
/// <c>records.by_type.&lt;type&gt;</c>, then exactly one of <c>records.filtered</c> (type not in <c>--types</c>),
/// <c>records.no_uri</c> (no or empty <c>WARC-Target-URI</c>), <c>records.no_host</c> (the rule gives no key) or
/// <c>records.keyed</c> (and the key is emitted with count 1). So
/// <c>total = keyed + no_uri + no_host + filtered</c>.
/// </summary>
internal sealed class RecordMapper : IMapper
{
    private readonly bool _includeSchemeAndPort;
    private readonly RecordTypeTable _types;
    private readonly RecentUriKey _recent = new();
    private readonly Counter _total;
    private readonly Counter _keyed;
    private readonly Counter _noUri;
    private readonly Counter _noHost;
    private readonly Counter _filtered;

    /// <param name="counters">The task attempt's counters.</param>
    /// <param name="rule"><see cref="KeyRule.Origin"/> or <see cref="KeyRule.Host"/>.</param>
    /// <param name="typeFilter">From <see cref="RecordTypeTable.CompileFilter"/>, or null to keep every type.</param>
    public RecordMapper(Counters counters, KeyRule rule, byte[][]? typeFilter)
    {
        Debug.Assert(rule is KeyRule.Origin or KeyRule.Host, "seed is line-oriented");
        _includeSchemeAndPort = rule == KeyRule.Origin;
        _types = new RecordTypeTable(counters, typeFilter);
        _total = counters[CounterNames.RecordsTotal];
        _keyed = counters[CounterNames.RecordsKeyed];
        _noUri = counters[CounterNames.RecordsNoUri];
        _noHost = counters[CounterNames.RecordsNoHost];
        _filtered = counters[CounterNames.RecordsFiltered];
    }

    /// <inheritdoc />
    public void MapRecord(in WarcRecord record, IKeyCountCollector output)
    {
        // The type first: a filtered record never has its target URI looked up.
        if (CountAndFilter(record.Type))
        {
            MapTargetUri(record.TryGetTargetUri(out var uri), uri, output);
        }
    }

    /// <inheritdoc />
    public void MapLine(ReadOnlySpan<byte> line, IKeyCountCollector output) =>
        throw new InvalidOperationException("the origin and host key rules map WARC records, not lines");

    /// <summary>
    /// <see cref="MapRecord"/> on the two header values it reads, for callers (and tests) without a
    /// <see cref="WarcRecord"/>: <paramref name="type"/> as <c>WarcRecord.Type</c> returns it, and
    /// <paramref name="uri"/> as <c>WarcRecord.TryGetTargetUri</c> returns it when <paramref name="hasUri"/>.
    /// </summary>
    internal void MapHeaders(ReadOnlySpan<byte> type, bool hasUri, ReadOnlySpan<byte> uri, IKeyCountCollector output)
    {
        if (CountAndFilter(type))
        {
            MapTargetUri(hasUri, uri, output);
        }
    }

    /// <summary>Counts the record and its type; false (and <c>records.filtered</c>) when the type filter drops it.</summary>
    private bool CountAndFilter(ReadOnlySpan<byte> type)
    {
        _total.Increment();
        var slot = _types.Lookup(type);
        slot.Counter.Increment();
        if (!slot.Selected)
        {
            _filtered.Increment();
        }

        return slot.Selected;
    }

    private void MapTargetUri(bool hasUri, ReadOnlySpan<byte> uri, IKeyCountCollector output)
    {
        // Decision: an empty WARC-Target-URI (also "<>" once unbracketed) is no URI rather than a URI without host.
        if (!hasUri || uri.IsEmpty)
        {
            _noUri.Increment();
            return;
        }

        if (_recent.TryGet(uri, out var hasKey, out var key))
        {
            Emit(hasKey, key, output);
            return;
        }

        if (uri.Length <= RecentUriKey.Capacity)
        {
            var buffer = _recent.KeyBuffer;
            hasKey = OriginKey.TryWriteUnbracketed(uri, _includeSchemeAndPort, buffer, out var length);
            _recent.Remember(uri, hasKey ? length : -1);
            Emit(hasKey, buffer[..length], output);
            return;
        }

        // Longer than any URI worth remembering (rare): a pooled buffer for this record only.
        var large = ArrayPool<byte>.Shared.Rent(uri.Length);
        hasKey = OriginKey.TryWriteUnbracketed(uri, _includeSchemeAndPort, large, out var written);
        Emit(hasKey, large.AsSpan(0, written), output);
        ArrayPool<byte>.Shared.Return(large);
    }

    private void Emit(bool hasKey, ReadOnlySpan<byte> key, IKeyCountCollector output)
    {
        if (hasKey)
        {
            _keyed.Increment();
            output.Add(key, 1);
        }
        else
        {
            _noHost.Increment();
        }
    }
}
