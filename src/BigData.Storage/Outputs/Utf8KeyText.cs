using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;

namespace BigData.Storage.Outputs;

/// <summary>
/// Turns key bytes into valid UTF-8 for the formats that store text (CSV, JSON Lines, Parquet STRING). Valid keys,
/// non-ASCII included, pass through untouched; in an invalid key each maximal invalid subsequence becomes U+FFFD,
/// the Unicode recommended practice that .NET's, Python's and browsers' decoders follow, so a reader of the file
/// sees what <c>Encoding.UTF8.GetString</c> would show. Counts the keys it had to repair.
/// </summary>
internal sealed class Utf8KeyText : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);

    /// <summary>The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.</summary>
    internal static ReadOnlySpan<byte> Replacement => [0xEF, 0xBF, 0xBD];

    /// <summary>Keys that were not valid UTF-8 so far.</summary>
    public long InvalidKeys { get; private set; }

    /// <summary>
    /// Returns <paramref name="key"/> itself when it is valid UTF-8, else its repaired copy in a buffer that the next
    /// call reuses. <paramref name="repaired"/> tells which case happened.
    /// </summary>
    public ReadOnlySpan<byte> ToValidUtf8(ReadOnlySpan<byte> key, out bool repaired)
    {
        if (Utf8.IsValid(key))
        {
            repaired = false;
            return key;
        }

        repaired = true;
        InvalidKeys++;
        var worstCase = checked(key.Length * Replacement.Length);
        if (_buffer.Length < worstCase)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(worstCase);
        }

        var written = Repair(key, _buffer);
        return _buffer.AsSpan(0, written);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> (at least three times as long), replacing
    /// each maximal invalid subsequence by U+FFFD, and returns the bytes written.
    /// </summary>
    internal static int Repair(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Debug.Assert(destination.Length >= source.Length * Replacement.Length, "worst case: every byte invalid");
        var written = 0;
        while (!source.IsEmpty)
        {
            // Rare path (only keys that failed validation come here), so rune by rune is fast enough.
            var status = Rune.DecodeFromUtf8(source, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                source[..consumed].CopyTo(destination[written..]);
                written += consumed;
            }
            else
            {
                Replacement.CopyTo(destination[written..]);
                written += Replacement.Length;
            }

            source = source[consumed..];
        }

        return written;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
