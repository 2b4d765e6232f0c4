using System.Diagnostics;
using System.Numerics;

namespace BigData.Warc.Sample;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the generator's only source of randomness. Integer arithmetic only, so
/// the same seed gives the same sequence on every machine and runtime (System.Random promises neither).
/// A class rather than a struct so it can be passed around without accidental copies; workers re-seed one
/// instance per page instead of allocating.
/// </summary>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(ulong seed) => Reseed(seed);

    /// <summary>Seed for an independent stream <paramref name="stream"/> of the master <paramref name="seed"/>.</summary>
    public static ulong StreamSeed(ulong seed, ulong domain, ulong stream) =>
        Mix(seed ^ Mix(domain * 0x9E3779B97F4A7C15UL + stream + 1));

    /// <summary>SplitMix64's finaliser: a good 64-bit mixing function.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Reseed(ulong seed)
    {
        // SplitMix64 expands the seed into the four state words; it never yields an all-zero state.
        var x = seed;
        _s0 = Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s1 = Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s2 = Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s3 = Mix(x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>) (multiply-shift; the bias is far below what matters here).</summary>
    public int Next(int maxExclusive)
    {
        Debug.Assert(maxExclusive > 0);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="perMille"/>/1000.</summary>
    public bool Chance(int perMille) => Next(1000) < perMille;

    /// <summary>A double in [0, 1) from 53 random bits (exact IEEE arithmetic, so portable).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Picks one element.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];
}
