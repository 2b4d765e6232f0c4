using System.Buffers;
using System.Diagnostics;

namespace WarcUriCount.Keys;

/// <summary>What <c>SeedKey.Classify</c> made of one line.</summary>
public enum SeedLineKind
{
    /// <summary>The first word is not exactly <c>WARC-Target-URI:</c> (payload, other headers, empty lines).</summary>
    NotTarget,

    /// <summary>A target line with a key.</summary>
    Keyed,

    /// <summary>A target line on which the classic mapper crashes: no second word, or fewer than three <c>/</c> parts.</summary>
    Error,
}

/// <summary>
/// The <c>seed</c> key rule of DESIGN.md §5, byte for byte what the classic Python streaming mapper
/// (<c>scripts/classic/mapper.py</c>) prints: the line is split on runs of ASCII whitespace (space, TAB, LF, VT, FF,
/// CR, as Python's <c>bytes.split()</c>); when the first word is exactly <c>WARC-Target-URI:</c>, the second word is
/// split on <c>/</c> and the key is <c>part0 + "//" + part2</c>.
/// </summary>
public static class SeedKey
{
    /// <summary>The first word of a target line, case-sensitive as in the classic mapper.</summary>
    public static ReadOnlySpan<byte> TargetWord => "WARC-Target-URI:"u8;

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\n\v\f\r"u8);

    /// <summary>
    /// Classifies one line (without its LF) and, for <see cref="SeedLineKind.Keyed"/>, writes the key.
    /// </summary>
    /// <param name="line">The line; a trailing CR and any other ASCII whitespace are ignored as Python's split does.</param>
    /// <param name="destination">At least <c>line.Length</c> bytes (a key is never longer than its line), not
    /// overlapping <paramref name="line"/>.</param>
    /// <param name="written">The key's length when Keyed, else 0.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="line"/>.</exception>
    public static SeedLineKind Classify(ReadOnlySpan<byte> line, Span<byte> destination, out int written)
    {
        if (destination.Length < line.Length)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} bytes but a key may need up to the line's {line.Length}",
                nameof(destination));
        }

        Debug.Assert(!line.Overlaps(destination), "the key is written while the line is still being read");
        var kind = Classify(line, out var part0, out var part2);
        written = kind == SeedLineKind.Keyed ? WriteKey(part0, part2, destination) : 0;
        return kind;
    }

    /// <summary>
    /// Classifies one line (without its LF) without copying: for <see cref="SeedLineKind.Keyed"/> the key is
    /// <c>part0 + "//" + part2</c> (see <see cref="WriteKey"/>), both slices of <paramref name="line"/>.
    /// </summary>
    public static SeedLineKind Classify(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> part0, out ReadOnlySpan<byte> part2)
    {
        part0 = default;
        part2 = default;

        // The first word must be exactly the target word: a prefix test, then a word boundary. This avoids
        // scanning long payload lines for their first whitespace.
        var rest = SkipWhitespace(line);
        if (!rest.StartsWith(TargetWord) || (rest.Length > TargetWord.Length && !Whitespace.Contains(rest[TargetWord.Length])))
        {
            return SeedLineKind.NotTarget;
        }

        var uri = TakeWord(SkipWhitespace(rest[TargetWord.Length..]));
        if (uri.IsEmpty)
        {
            return SeedLineKind.Error; // words[1]: IndexError
        }

        // parts = uri.split(b"/"); key = parts[0] + b"//" + parts[2]  (IndexError below three parts)
        var slash1 = uri.IndexOf((byte)'/');
        if (slash1 < 0)
        {
            return SeedLineKind.Error;
        }

        var afterPart1 = uri[(slash1 + 1)..];
        var slash2 = afterPart1.IndexOf((byte)'/');
        if (slash2 < 0)
        {
            return SeedLineKind.Error;
        }

        part0 = uri[..slash1];
        part2 = afterPart1[(slash2 + 1)..];
        var end = part2.IndexOf((byte)'/');
        if (end >= 0)
        {
            part2 = part2[..end];
        }

        return SeedLineKind.Keyed;
    }

    /// <summary>The length of the key <c>part0 + "//" + part2</c>.</summary>
    public static int KeyLength(ReadOnlySpan<byte> part0, ReadOnlySpan<byte> part2) => part0.Length + 2 + part2.Length;

    /// <summary>Writes <c>part0 + "//" + part2</c> into <paramref name="destination"/> and returns its length.</summary>
    public static int WriteKey(ReadOnlySpan<byte> part0, ReadOnlySpan<byte> part2, Span<byte> destination)
    {
        part0.CopyTo(destination);
        "//"u8.CopyTo(destination[part0.Length..]);
        part2.CopyTo(destination[(part0.Length + 2)..]);
        return KeyLength(part0, part2);
    }

    private static ReadOnlySpan<byte> SkipWhitespace(ReadOnlySpan<byte> span)
    {
        var start = span.IndexOfAnyExcept(Whitespace);
        return start < 0 ? default : span[start..];
    }

    /// <summary>The word at the start of <paramref name="span"/>, which starts with a non-space (or is empty).</summary>
    private static ReadOnlySpan<byte> TakeWord(ReadOnlySpan<byte> span)
    {
        var end = span.IndexOfAny(Whitespace);
        return end < 0 ? span : span[..end];
    }
}
