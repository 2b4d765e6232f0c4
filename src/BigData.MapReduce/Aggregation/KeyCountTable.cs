using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using BigData.MapReduce.Keys;

namespace BigData.MapReduce.Aggregation;

/// <summary>
/// An open-addressing hash table from byte keys to 64-bit counts, built for in-mapper combining of millions of
/// keys: entries are structs in one array, key bytes live in a pooled <see cref="KeyArena"/> (no object per key),
/// and every byte it holds is accounted for in <see cref="EstimatedBytes"/> so a caller can keep it within a budget
/// (<see cref="TryAdd"/> refuses a new key that would grow it past <c>maxBytes</c>). Counts are added with overflow
/// checks. Not thread-safe.
/// </summary>
public sealed partial class KeyCountTable : IDisposable
{
    /// <summary>Largest regular arena chunk: 1 MiB.</summary>
    private const int MaxChunkSize = 1 << 20;

    /// <summary>Smallest arena chunk: 256 bytes (tiny budgets in tests).</summary>
    private const int MinChunkSize = 256;

    /// <summary>Bytes per entry beyond the entry itself: the index array that sorting will rent.</summary>
    private const int SortReservePerEntry = sizeof(int);

    /// <summary>The table object, its arena and their lists, roughly.</summary>
    private const int FixedOverheadBytes = 256;

    private readonly long _maxBytes;
    private readonly KeyArena _arena;

    /// <summary>Entry index + 1 per slot (0 = empty); twice the entry capacity, so probes stay short.</summary>
    private int[] _buckets;
    private Entry[] _entries;
    private int _count;

    /// <summary>
    /// The entry the last add went to (-1: none). Map output often repeats a key right away (Common Crawl writes the
    /// request, response and metadata records of a capture one after another, all with the same target URI), and
    /// checking this entry first skips the hash and a probe into memory that decompression keeps evicting from the
    /// caches.
    /// </summary>
    private int _recent = -1;

    /// <summary>
    /// Creates a table that keeps itself within <paramref name="maxBytes"/> (default: unbounded) when filled through
    /// <see cref="TryAdd"/>. <paramref name="initialCapacity"/> (default 16) is the number of keys it starts with room for.
    /// </summary>
    public KeyCountTable(long maxBytes = long.MaxValue, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _maxBytes = maxBytes;
        var entries = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(initialCapacity, 4));
        var chunk = (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Clamp(maxBytes / 16, MinChunkSize, MaxChunkSize));
        _arena = new KeyArena((int)Math.Min(chunk, MaxChunkSize));
        _entries = new Entry[entries];
        _buckets = new int[entries * 2];
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>
    /// Bytes this table holds: slot and entry arrays, the index sorting will need, arena chunks, and a small fixed
    /// overhead. Capacity counts, not just what is used, because capacity is what the process pays for.
    /// </summary>
    public long EstimatedBytes => ArrayBytes(_entries.Length) + _arena.AllocatedBytes + FixedOverheadBytes;

    /// <summary>Adds <paramref name="delta"/> to <paramref name="key"/>, inserting it when new; ignores the budget.</summary>
    public void Add(ReadOnlySpan<byte> key, long delta)
    {
        if (IsRecent(key))
        {
            AddTo(_recent, key, delta);
            return;
        }

        var hash = HadoopHashPartitioner.Hash(key);
        var index = Find(key, hash, out var slot);
        if (index >= 0)
        {
            AddTo(index, key, delta);
            return;
        }

        Insert(key, hash, delta, slot);
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to <paramref name="key"/>. An existing key always succeeds (no allocation). A new
    /// key is refused (returns false, nothing changes) when storing it would take the table past its budget, unless
    /// the table is empty: one key always fits, so a caller that empties the table on refusal always progresses.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> key, long delta)
    {
        if (IsRecent(key))
        {
            AddTo(_recent, key, delta);
            return true;
        }

        var hash = HadoopHashPartitioner.Hash(key);
        var index = Find(key, hash, out var slot);
        if (index >= 0)
        {
            AddTo(index, key, delta);
            return true;
        }

        if (_count > 0)
        {
            var growth = _arena.GrowthFor(key.Length);
            if (_count == _entries.Length)
            {
                growth += ArrayBytes(_entries.Length * 2) - ArrayBytes(_entries.Length);
            }

            if (EstimatedBytes + growth > _maxBytes)
            {
                return false;
            }
        }

        Insert(key, hash, delta, slot);
        return true;
    }

    /// <summary>The count of <paramref name="key"/>, or false when the table does not hold it.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out long count)
    {
        var index = Find(key, HadoopHashPartitioner.Hash(key), out _);
        count = index < 0 ? 0 : _entries[index].Count;
        return index >= 0;
    }

    /// <summary>Forgets every key, keeping the slot and entry arrays (the next batch will need them again).</summary>
    public void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _recent = -1;
        _arena.Clear();
    }

    /// <summary>Returns the arena's chunks to the pool.</summary>
    public void Dispose()
    {
        _count = 0;
        _recent = -1;
        _arena.Dispose();
    }

    private static long ArrayBytes(int entryCapacity) =>
        ((long)entryCapacity * (Unsafe.SizeOf<Entry>() + SortReservePerEntry)) + ((long)entryCapacity * 2 * sizeof(int));

    /// <summary>Spreads the (weak, Java-style) key hash over the slots: murmur3's 32-bit finaliser.</summary>
    private static int SlotOf(int hash, int mask)
    {
        var h = (uint)hash;
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return (int)(h & (uint)mask);
    }

    /// <summary>True when <paramref name="key"/> is the key of the entry the last add went to.</summary>
    private bool IsRecent(ReadOnlySpan<byte> key)
    {
        if (_recent < 0)
        {
            return false;
        }

        ref readonly var entry = ref _entries[_recent];
        return entry.Length == key.Length && KeyOf(in entry).SequenceEqual(key);
    }

    /// <summary>Adds <paramref name="delta"/> to the entry at <paramref name="index"/> (overflow-checked) and remembers it.</summary>
    private void AddTo(int index, ReadOnlySpan<byte> key, long delta)
    {
        ref var entry = ref _entries[index];
        entry.Count = CountArithmetic.Add(entry.Count, delta, key);
        _recent = index;
    }

    /// <summary>The index of the entry of <paramref name="key"/>, or -1 and the empty slot where it would go.</summary>
    private int Find(ReadOnlySpan<byte> key, int hash, out int emptySlot)
    {
        var mask = _buckets.Length - 1;
        var slot = SlotOf(hash, mask);
        while (true)
        {
            var index = _buckets[slot] - 1;
            if (index < 0)
            {
                emptySlot = slot;
                return -1;
            }

            ref readonly var entry = ref _entries[index];
            if (entry.Hash == hash && entry.Length == key.Length && KeyOf(in entry).SequenceEqual(key))
            {
                emptySlot = -1;
                return index;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Insert(ReadOnlySpan<byte> key, int hash, long count, int slot)
    {
        if (_count == _entries.Length)
        {
            Grow();
            Find(key, hash, out slot);
        }

        var (chunk, offset) = _arena.Append(key);
        _entries[_count] = new Entry { Count = count, Hash = hash, Chunk = chunk, Offset = offset, Length = key.Length };
        _recent = _count;
        _buckets[slot] = ++_count;
    }

    /// <summary>Doubles both arrays and re-slots every entry (hashes are stored, keys are not touched).</summary>
    private void Grow()
    {
        var entries = new Entry[_entries.Length * 2];
        _entries.AsSpan(0, _count).CopyTo(entries);
        var buckets = new int[entries.Length * 2];
        var mask = buckets.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = SlotOf(entries[i].Hash, mask);
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = i + 1;
        }

        _entries = entries;
        _buckets = buckets;
    }

    private ReadOnlySpan<byte> KeyOf(in Entry entry) => _arena.Get(entry.Chunk, entry.Offset, entry.Length);

    /// <summary>One key: its count, its Hadoop hash (kept for re-slotting and partitioning) and its arena address.</summary>
    private struct Entry
    {
        public long Count;
        public int Hash;
        public int Chunk;
        public int Offset;
        public int Length;
    }
}
