using System.Buffers;
using BigData.MapReduce.Keys;

namespace BigData.MapReduce.Aggregation;

public sealed partial class KeyCountTable
{
    /// <summary>
    /// Enumerates every entry ordered by (Hadoop partition among <paramref name="partitions"/>, key bytes ordinal):
    /// the order a spill writes its runs in. Entries are grouped by partition with a counting pass, then each group
    /// is sorted by key. The table must not change while enumerating; dispose the enumerator (foreach does).
    /// </summary>
    public SortedEnumerator EnumerateSorted(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var order = ArrayPool<int>.Shared.Rent(Math.Max(_count, 1));
        var starts = new int[partitions + 1];
        for (var i = 0; i < _count; i++)
        {
            starts[HadoopHashPartitioner.GetPartition(_entries[i].Hash, partitions) + 1]++;
        }

        for (var p = 0; p < partitions; p++)
        {
            starts[p + 1] += starts[p];
        }

        var next = (int[])starts.Clone();
        for (var i = 0; i < _count; i++)
        {
            order[next[HadoopHashPartitioner.GetPartition(_entries[i].Hash, partitions)]++] = i;
        }

        for (var p = 0; p < partitions; p++)
        {
            order.AsSpan(starts[p], starts[p + 1] - starts[p]).Sort(new KeyOrder(this));
        }

        return new SortedEnumerator(this, order, partitions);
    }

    /// <summary>One entry seen by <see cref="SortedEnumerator"/>; the key is valid while the table is unchanged.</summary>
    public readonly ref struct SortedEntry(int partition, ReadOnlySpan<byte> key, long count)
    {
        /// <summary>The entry's partition.</summary>
        public int Partition { get; } = partition;

        /// <summary>The key bytes.</summary>
        public ReadOnlySpan<byte> Key { get; } = key;

        /// <summary>The summed count.</summary>
        public long Count { get; } = count;
    }

    /// <summary>Walks the entries in (partition, key) order; returns its pooled index array on dispose.</summary>
    public ref struct SortedEnumerator
    {
        private readonly KeyCountTable _table;
        private readonly int _partitions;
        private int[]? _order;
        private int _position;

        internal SortedEnumerator(KeyCountTable table, int[] order, int partitions)
        {
            _table = table;
            _order = order;
            _partitions = partitions;
            _position = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly SortedEntry Current
        {
            get
            {
                ref readonly var entry = ref _table._entries[_order![_position]];
                return new SortedEntry(
                    HadoopHashPartitioner.GetPartition(entry.Hash, _partitions), _table.KeyOf(in entry), entry.Count);
            }
        }

        /// <summary>For foreach.</summary>
        public readonly SortedEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext() => _order != null && ++_position < _table._count;

        /// <summary>Returns the index array to the pool.</summary>
        public void Dispose()
        {
            if (_order != null)
            {
                ArrayPool<int>.Shared.Return(_order);
                _order = null;
            }
        }
    }

    /// <summary>Orders entry indexes by their key bytes.</summary>
    private readonly struct KeyOrder(KeyCountTable table) : IComparer<int>
    {
        public int Compare(int x, int y) =>
            table.KeyOf(in table._entries[x]).SequenceCompareTo(table.KeyOf(in table._entries[y]));
    }
}
