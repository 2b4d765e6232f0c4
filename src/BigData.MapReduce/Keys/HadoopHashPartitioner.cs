namespace BigData.MapReduce.Keys;

/// <summary>
/// Chooses a key's reducer exactly like Hadoop's default <c>HashPartitioner</c> on a streaming <c>Text</c> key:
/// <c>(hash &amp; Integer.MAX_VALUE) % reducers</c>, where the hash is <c>WritableComparator.hashBytes</c> over the
/// key's UTF-8 bytes (start at 1, then <c>hash = 31 * hash + b</c> with each byte read as a signed Java byte).
/// So the local runner puts every key in the same <c>part-NNNNN</c> as a Hadoop job with the same reducer count.
/// </summary>
public static class HadoopHashPartitioner
{
    /// <summary>Java's <c>WritableComparator.hashBytes(bytes, 0, length)</c>, which is <c>Text.hashCode()</c>.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        unchecked
        {
            // Four bytes per step with the powers of 31 expanded: the same wrapping arithmetic as the byte loop,
            // with a shorter multiply chain (this runs for every map output pair).
            var hash = 1;
            var i = 0;
            for (; i + 4 <= key.Length; i += 4)
            {
                hash = (hash * 923_521) + ((sbyte)key[i] * 29_791) + ((sbyte)key[i + 1] * 961) + ((sbyte)key[i + 2] * 31)
                    + (sbyte)key[i + 3];
            }

            for (; i < key.Length; i++)
            {
                hash = (31 * hash) + (sbyte)key[i];
            }

            return hash;
        }
    }

    /// <summary>The partition (0-based) of a key whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public static int GetPartition(int hash, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (hash & int.MaxValue) % partitions;
    }

    /// <summary>The partition (0-based) of <paramref name="key"/> among <paramref name="partitions"/> reducers.</summary>
    public static int GetPartition(ReadOnlySpan<byte> key, int partitions) => GetPartition(Hash(key), partitions);
}
