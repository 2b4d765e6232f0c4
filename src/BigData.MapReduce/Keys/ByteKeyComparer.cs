namespace BigData.MapReduce.Keys;

/// <summary>
/// Ordinal byte order of keys: unsigned bytes compared left to right, a prefix first. This is what Hadoop's Text
/// comparator and <c>LC_ALL=C sort</c> do. (Not .NET's ordinal string order, which compares UTF-16 code units and
/// differs from UTF-8 byte order above U+FFFF.)
/// </summary>
public sealed class ByteKeyComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static ByteKeyComparer Instance { get; } = new();

    /// <summary>Negative when <paramref name="x"/> sorts first, zero when equal, positive otherwise.</summary>
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => x.SequenceCompareTo(y);

    /// <inheritdoc />
    public int Compare(byte[]? x, byte[]? y)
    {
        if (x == null || y == null)
        {
            return x == null ? (y == null ? 0 : -1) : 1;
        }

        return Compare(x.AsSpan(), y.AsSpan());
    }

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => x == null ? y == null : y != null && x.AsSpan().SequenceEqual(y);

    /// <inheritdoc />
    public int GetHashCode(byte[] obj) => HadoopHashPartitioner.Hash(obj);
}
