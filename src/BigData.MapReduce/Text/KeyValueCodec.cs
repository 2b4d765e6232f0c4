using BigData.Storage.Outputs;

namespace BigData.MapReduce.Text;

/// <summary>
/// The Hadoop Streaming text protocol for counting jobs: one pair per line, <c>key&lt;TAB&gt;count&lt;LF&gt;</c>, UTF-8
/// bytes, the key being everything up to the first TAB. The local runner serialises its spill runs with it too,
/// so every test exercises the protocol.
/// Reading: <see cref="KeyValueReader"/> splits a stream into lines, <see cref="Parse"/> splits a line.
/// Writing: <see cref="CreateWriter"/> (the same bytes as the TSV output format).
/// </summary>
public static class KeyValueCodec
{
    /// <summary>Separates the key from the value.</summary>
    public const byte Tab = (byte)'\t';

    /// <summary>Ends a line.</summary>
    public const byte LineFeed = (byte)'\n';

    /// <summary>
    /// Splits <paramref name="line"/> (without its LF) at the first TAB. The value must be a plain decimal integer:
    /// an optional <c>-</c> then ASCII digits, nothing else (no spaces, no <c>+</c>, no CR), fitting in 64 bits.
    /// On anything but <see cref="KeyValueParseResult.Ok"/>, <paramref name="key"/> is the text before the TAB
    /// (or the whole line) and <paramref name="count"/> is 0.
    /// </summary>
    public static KeyValueParseResult Parse(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> key, out long count)
    {
        count = 0;
        var tab = line.IndexOf(Tab);
        if (tab < 0)
        {
            key = line;
            return KeyValueParseResult.MissingTab;
        }

        key = line[..tab];
        return TryParseCount(line[(tab + 1)..], out count) ? KeyValueParseResult.Ok : KeyValueParseResult.BadCount;
    }

    /// <summary>Parses a plain decimal 64-bit integer (optional leading <c>-</c>, digits only).</summary>
    public static bool TryParseCount(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        // Accumulate negatively so that long.MinValue parses too.
        long result = 0;
        foreach (var b in digits)
        {
            var digit = b - '0';
            if (result < (long.MinValue + digit) / 10)
            {
                return false;
            }

            result = (result * 10) - digit;
        }

        if (!negative)
        {
            if (result == long.MinValue)
            {
                return false;
            }

            result = -result;
        }

        value = result;
        return true;
    }

    /// <summary>
    /// A buffered writer of <c>key&lt;TAB&gt;count&lt;LF&gt;</c> lines over <paramref name="destination"/>, which it does
    /// not close. Call <see cref="IKeyCountWriter.Complete"/> before disposing it, or the tail is dropped.
    /// </summary>
    public static TsvKeyCountWriter CreateWriter(Stream destination, int bufferSize = TsvKeyCountWriter.DefaultBufferSize) =>
        new(destination, bufferSize);
}
