using System.Diagnostics;

namespace BigData.Warc.Sample;

/// <summary>WARC digest values as Common Crawl writes them: <c>sha1:</c> and the SHA-1 in RFC 4648 base32.</summary>
internal static class WarcDigest
{
    public const int Sha1Bytes = 20;

    /// <summary>Length of <c>sha1:</c> plus 32 base32 characters.</summary>
    public const int Length = 5 + 32;

    private static ReadOnlySpan<byte> Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"u8;

    /// <summary>Writes <c>sha1:&lt;base32&gt;</c> of a 20-byte hash into <paramref name="destination"/>.</summary>
    public static void Format(ReadOnlySpan<byte> sha1, Span<byte> destination)
    {
        Debug.Assert(sha1.Length == Sha1Bytes && destination.Length >= Length);
        "sha1:"u8.CopyTo(destination);
        var o = 5;
        // 20 bytes = four 5-byte groups of eight 5-bit characters: no padding.
        for (var g = 0; g < Sha1Bytes; g += 5)
        {
            ulong bits = 0;
            for (var i = 0; i < 5; i++)
            {
                bits = (bits << 8) | sha1[g + i];
            }

            for (var shift = 35; shift >= 0; shift -= 5)
            {
                destination[o++] = Alphabet[(int)((bits >> shift) & 31)];
            }
        }
    }
}
