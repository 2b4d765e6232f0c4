using System.Runtime.CompilerServices;

namespace BigData.MapReduce.Aggregation;

/// <summary>Adding counts of one key with a clear error on 64-bit overflow (wrapping around would corrupt results silently).</summary>
internal static class CountArithmetic
{
    /// <summary><paramref name="current"/> + <paramref name="delta"/>, or an <see cref="OverflowException"/> naming the key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Add(long current, long delta, ReadOnlySpan<byte> key)
    {
        var sum = unchecked(current + delta);
        if (((current ^ sum) & (delta ^ sum)) < 0)
        {
            ThrowOverflow(key, current, delta);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOverflow(ReadOnlySpan<byte> key, long current, long delta) =>
        throw new OverflowException(
            $"the count of key '{System.Text.Encoding.UTF8.GetString(key)}' overflows a 64-bit integer ({current} + {delta})");
}
