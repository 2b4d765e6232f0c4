using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BigData.Warc.Parsing;

/// <summary>
/// Finds every LF of a 64-byte block at once, as a bit mask (bit i set: LF at offset i). Walking the set bits costs
/// a few instructions per line, where a fresh <c>IndexOf</c> per line pays its setup for every short line.
/// </summary>
internal static class LineFeeds
{
    public const int BlockSize = 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // one vector compare once the JIT has picked the width
    public static ulong Mask(ReadOnlySpan<byte> block)
    {
        System.Diagnostics.Debug.Assert(block.Length >= BlockSize, "a whole block");
        if (Vector512.IsHardwareAccelerated)
        {
            return Vector512.Equals(Vector512.Create(block), Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var lf = Vector256.Create((byte)'\n');
            ulong low = Vector256.Equals(Vector256.Create(block), lf).ExtractMostSignificantBits();
            ulong high = Vector256.Equals(Vector256.Create(block[32..]), lf).ExtractMostSignificantBits();
            return low | (high << 32);
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var lf = Vector128.Create((byte)'\n');
            ulong mask = 0;
            for (int i = 0; i < BlockSize; i += 16)
            {
                mask |= (ulong)Vector128.Equals(Vector128.Create(block[i..]), lf).ExtractMostSignificantBits() << i;
            }

            return mask;
        }

        ulong scalar = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            if (block[i] == '\n')
            {
                scalar |= 1UL << i;
            }
        }

        return scalar;
    }
}
