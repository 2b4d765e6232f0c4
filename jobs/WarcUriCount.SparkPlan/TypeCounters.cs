using System.Text;

namespace WarcUriCount.SparkPlan;

/// <summary>
/// The <c>records.by_type.&lt;type&gt;</c> counter names, made as the job's mapper makes them (jobs/WarcUriCount,
/// RecordTypeTable) so that every runner reports the same names: the type ASCII-lowercased, cut at
/// <see cref="MaxSuffixBytes"/> bytes, bytes other than <c>a-z 0-9 . _ -</c> as <c>_</c>; no or an empty type is
/// <see cref="Missing"/>; beyond <see cref="MaxDistinctTypes"/> distinct types the rest share <see cref="Other"/>.
/// The mapper keeps the first 32 types it meets; a plan has no such order, so here the 32 most frequent types keep
/// their names (ties in ordinal order). The two agree whenever there are at most 32 distinct types.
/// </summary>
public static class TypeCounters
{
    /// <summary>Distinct types with a counter of their own.</summary>
    public const int MaxDistinctTypes = 32;

    /// <summary>Longest name suffix, in bytes (Hadoop's 64-character counter names minus the prefix).</summary>
    public const int MaxSuffixBytes = 64 - 16;

    /// <summary>The suffix of records without a type.</summary>
    public const string Missing = "_missing";

    /// <summary>The suffix the types beyond the first <see cref="MaxDistinctTypes"/> share.</summary>
    public const string Other = "_other";

    /// <summary>Counter names and counts from record counts per (ASCII-lowercased) type, "" for none.</summary>
    public static IEnumerable<(string Name, long Count)> Names(IReadOnlyDictionary<string, long> countsByType)
    {
        var ranked = countsByType.Where(t => t.Key.Length > 0)
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select((t, rank) => (Name: rank < MaxDistinctTypes ? Suffix(t.Key) : Other, Count: t.Value));
        var missing = countsByType.TryGetValue("", out var none) ? [(Missing, none)] : Array.Empty<(string, long)>();
        return missing.Concat(ranked).Select(t => (CounterNames.RecordsByTypePrefix + t.Item1, t.Item2));
    }

    /// <summary>The counter suffix of a type: lowercased, unsafe bytes as <c>_</c>, at most <see cref="MaxSuffixBytes"/> bytes.</summary>
    public static string Suffix(string type)
    {
        var bytes = Encoding.UTF8.GetBytes(type);
        var suffix = new StringBuilder(Math.Min(bytes.Length, MaxSuffixBytes));
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, MaxSuffixBytes)))
        {
            var lower = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            var safe = lower is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'_' or (byte)'-';
            suffix.Append(safe ? (char)lower : '_');
        }

        return suffix.ToString();
    }
}
