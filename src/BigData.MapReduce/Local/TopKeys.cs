using BigData.MapReduce.Keys;

namespace BigData.MapReduce.Local;

/// <summary>
/// Keeps the <c>n</c> largest keys seen (count descending, then key ascending). Most keys are rejected by one
/// comparison with the smallest kept count, so watching every output line is cheap; only a kept key is copied.
/// </summary>
internal sealed class TopKeys(int capacity)
{
    private readonly List<KeyCount> _kept = new(capacity + 1);

    /// <summary>The kept keys, largest first.</summary>
    public IReadOnlyList<KeyCount> Items => _kept;

    /// <summary>Considers one key.</summary>
    public void Offer(ReadOnlySpan<byte> key, long count)
    {
        if (capacity == 0)
        {
            return;
        }

        if (_kept.Count == capacity)
        {
            var last = _kept[^1];
            if (count < last.Count || (count == last.Count && ByteKeyComparer.Compare(key, last.Key) >= 0))
            {
                return;
            }
        }

        Insert(new KeyCount(key.ToArray(), count));
    }

    /// <summary>Considers every key kept by <paramref name="other"/>.</summary>
    public void Offer(TopKeys other)
    {
        foreach (var item in other._kept)
        {
            Offer(item.Key, item.Count);
        }
    }

    /// <summary>Orders (count descending, key ascending).</summary>
    internal static int Compare(KeyCount x, KeyCount y)
    {
        var byCount = y.Count.CompareTo(x.Count);
        return byCount != 0 ? byCount : ByteKeyComparer.Compare(x.Key, y.Key);
    }

    private void Insert(KeyCount item)
    {
        var index = _kept.BinarySearch(item, Comparer<KeyCount>.Create(Compare));
        _kept.Insert(index < 0 ? ~index : index, item);
        if (_kept.Count > capacity)
        {
            _kept.RemoveAt(_kept.Count - 1);
        }
    }
}
