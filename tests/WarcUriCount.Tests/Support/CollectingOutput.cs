using System.Text;
using BigData.MapReduce.Jobs;

namespace WarcUriCount.Tests.Support;

/// <summary>A map output collector that keeps every (key, count) pair in order, copying the key as the contract asks.</summary>
internal sealed class CollectingOutput : IKeyCountCollector
{
    public List<(byte[] Key, long Count)> Pairs { get; } = [];

    public void Add(ReadOnlySpan<byte> key, long count) => Pairs.Add((key.ToArray(), count));

    /// <summary>The keys as UTF-8 text, in emission order.</summary>
    public IReadOnlyList<string> Keys => Pairs.Select(p => Encoding.UTF8.GetString(p.Key)).ToList();

    /// <summary>The summed counts per key, sorted in ordinal byte order (what a reducer writes).</summary>
    public IReadOnlyList<(byte[] Key, long Count)> Reduced() => Pairs
        .GroupBy(p => Convert.ToHexString(p.Key))
        .Select(g => (g.First().Key, g.Sum(p => p.Count)))
        .OrderBy(p => p.Key, ByteOrder.Instance)
        .ToList();
}

/// <summary>Ordinal byte order, as Hadoop's Text comparator and <c>LC_ALL=C sort</c> compare keys.</summary>
internal sealed class ByteOrder : IComparer<byte[]>
{
    public static ByteOrder Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}

/// <summary>A collector that only sums counts, for allocation measurements.</summary>
internal sealed class SummingOutput : IKeyCountCollector
{
    public long Sum { get; private set; }

    public long Calls { get; private set; }

    public void Add(ReadOnlySpan<byte> key, long count)
    {
        Sum += count;
        Calls++;
    }
}
