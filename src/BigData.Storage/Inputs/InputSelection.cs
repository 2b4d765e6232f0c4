using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BigData.Storage.Inputs;

/// <summary>
/// <c>--sample</c> and <c>--limit</c>. Sampling keeps an input when a hash of (seed, location) falls below the
/// fraction, so the choice for one location never depends on the others or on their order: the same manifest,
/// shuffled or extended, keeps the same picks. The limit then keeps the first N in input order.
/// </summary>
public static class InputSelection
{
    /// <summary>The inputs that survive sampling, then the limit, in their original order.</summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> inputs, Func<T, string> location, InputOptions options)
    {
        IEnumerable<T> selected = inputs;
        if (options.SampleFraction is { } fraction && fraction < 1)
        {
            selected = selected.Where(i => IsSampled(location(i), fraction, options.Seed));
        }

        if (options.Limit is { } limit)
        {
            selected = selected.Take(limit);
        }

        return selected as IReadOnlyList<T> ?? selected.ToList();
    }

    /// <summary>True when <paramref name="location"/> is in the sample of <paramref name="fraction"/> for <paramref name="seed"/>.</summary>
    public static bool IsSampled(string location, double fraction, long seed) => UnitHash(location, seed) < fraction;

    /// <summary>
    /// A uniform number in [0, 1) from SHA-256 of <c>seed + "\n" + location</c> (UTF-8): the same on every
    /// platform and runtime, unlike <see cref="string.GetHashCode()"/> or <see cref="Random"/>.
    /// </summary>
    public static double UnitHash(string location, long seed)
    {
        var text = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + location;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11; // 53 bits: exactly representable
        return bits * (1.0 / (1UL << 53));
    }
}
