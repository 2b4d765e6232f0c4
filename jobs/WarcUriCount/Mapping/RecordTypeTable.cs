using System.Text;
using BigData.MapReduce;

namespace WarcUriCount.Mapping;

/// <summary>What a mapper needs to know about one <c>WARC-Type</c>: its counter and whether the filter keeps it.</summary>
internal readonly record struct RecordTypeSlot(Counter Counter, bool Selected);

/// <summary>
/// Maps a record's <c>WARC-Type</c> bytes to its <c>records.by_type.&lt;type&gt;</c> counter and its filter verdict
/// without allocating per record: each distinct type is looked up once and cached (a handful in practice, so a
/// linear scan wins over hashing).
/// <para>Counter names must survive Hadoop's <c>reporter:counter:group,name,n</c> line and stay few (Hadoop fails a
/// job above <c>mapreduce.job.counters.max</c>, 120 by default), so: the type is ASCII-lowercased, bytes other than
/// <c>a-z 0-9 . _ -</c> become <c>_</c>, names are cut at <see cref="MaxNameLength"/> bytes, a record without a type
/// counts as <see cref="MissingName"/>, and types beyond the first <see cref="MaxDistinctTypes"/> share
/// <see cref="OtherName"/>.</para>
/// </summary>
internal sealed class RecordTypeTable
{
    internal const int MaxDistinctTypes = 32;
    // Hadoop cuts counter names at 64 characters (mapreduce.job.counters.counter.name.max): prefix (16) + 48.
    internal const int MaxNameLength = 64 - 16;

    /// <summary>The counter suffix of records without a <c>WARC-Type</c> (or with an empty one).</summary>
    internal const string MissingName = "_missing";

    /// <summary>The counter suffix shared by the types beyond the first <see cref="MaxDistinctTypes"/>.</summary>
    internal const string OtherName = "_other";

    private readonly Counters _counters;
    private readonly byte[][]? _filter;
    private readonly (byte[] Type, RecordTypeSlot Slot)[] _seen = new (byte[], RecordTypeSlot)[MaxDistinctTypes];
    private int _seenCount;
    private Counter? _missing;
    private Counter? _other;

    /// <param name="counters">The task attempt's counters.</param>
    /// <param name="filter">ASCII-lowercased UTF-8 type names to keep, or null to keep every type.</param>
    public RecordTypeTable(Counters counters, byte[][]? filter)
    {
        _counters = counters;
        _filter = filter;
    }

    /// <summary>The slot of <paramref name="type"/> (as the reader returns it: trimmed, maybe empty).</summary>
    public RecordTypeSlot Lookup(ReadOnlySpan<byte> type)
    {
        if (type.IsEmpty)
        {
            // Created on first use, like every by-type counter, so summaries only list types that occurred.
            _missing ??= _counters[CounterNames.RecordsByTypePrefix + MissingName];
            return new RecordTypeSlot(_missing, _filter is null);
        }

        for (var i = 0; i < _seenCount; i++)
        {
            if (EqualsAsciiIgnoreCase(_seen[i].Type, type))
            {
                return _seen[i].Slot;
            }
        }

        var selected = IsSelected(type);
        if (_seenCount == _seen.Length)
        {
            _other ??= _counters[CounterNames.RecordsByTypePrefix + OtherName];
            return new RecordTypeSlot(_other, selected);
        }

        var slot = new RecordTypeSlot(_counters[CounterNames.RecordsByTypePrefix + CounterSuffix(type)], selected);
        _seen[_seenCount++] = (ToLowerAscii(type), slot);
        return slot;
    }

    /// <summary>The counter name suffix of a type: lowercased, unsafe bytes as <c>_</c>, at most <see cref="MaxNameLength"/> bytes.</summary>
    internal static string CounterSuffix(ReadOnlySpan<byte> type)
    {
        var length = Math.Min(type.Length, MaxNameLength);
        var chars = new StringBuilder(length);
        foreach (var b in type[..length])
        {
            var lower = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            var safe = lower is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'_' or (byte)'-';
            chars.Append(safe ? (char)lower : '_');
        }

        return chars.ToString();
    }

    /// <summary>ASCII-lowercases and UTF-8-encodes filter names for <see cref="RecordTypeTable(Counters, byte[][])"/>.</summary>
    internal static byte[][]? CompileFilter(IReadOnlySet<string>? types) =>
        types?.Select(t => ToLowerAscii(Encoding.UTF8.GetBytes(t))).ToArray();

    private bool IsSelected(ReadOnlySpan<byte> type)
    {
        if (_filter is null)
        {
            return true;
        }

        foreach (var name in _filter)
        {
            if (EqualsAsciiIgnoreCase(name, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="lower"/> (already lowercased) equals <paramref name="other"/> with A–Z lowercased.</summary>
    private static bool EqualsAsciiIgnoreCase(ReadOnlySpan<byte> lower, ReadOnlySpan<byte> other)
    {
        if (lower.Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < lower.Length; i++)
        {
            var b = other[i];
            if (lower[i] != (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] ToLowerAscii(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is >= (byte)'A' and <= (byte)'Z')
            {
                copy[i] |= 0x20;
            }
        }

        return copy;
    }
}
