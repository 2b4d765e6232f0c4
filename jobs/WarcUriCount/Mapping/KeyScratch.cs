using System.Buffers;

namespace WarcUriCount.Mapping;

/// <summary>
/// A mapper's reusable key buffer: a fixed array for ordinary keys, and an array rented from
/// <see cref="ArrayPool{T}.Shared"/> for the rare huge one (returned by <see cref="Release"/> right after use).
/// </summary>
internal sealed class KeyScratch
{
    /// <summary>Covers nearly every URI in Common Crawl (they are rarely longer than 2 KiB).</summary>
    internal const int FixedSize = 4096;

    private readonly byte[] _fixed = new byte[FixedSize];

    /// <summary>A buffer of at least <paramref name="length"/> bytes; <paramref name="rented"/> must go to <see cref="Release"/>.</summary>
    public Span<byte> Get(int length, out byte[]? rented)
    {
        if (length <= _fixed.Length)
        {
            rented = null;
            return _fixed;
        }

        rented = ArrayPool<byte>.Shared.Rent(length);
        return rented;
    }

    /// <summary>Returns a buffer <see cref="Get"/> rented, if any.</summary>
    public static void Release(byte[]? rented)
    {
        if (rented != null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
