using System.Diagnostics;
using System.Text;

namespace BigData.Warc.Parsing;

/// <summary>Finds named headers in a raw header block (<c>Name: value</c> lines, LF or CR LF, continuation lines).</summary>
internal static class HeaderLines
{
    /// <summary>
    /// True when <paramref name="line"/> (without its LF; a trailing CR is dropped) names <paramref name="name"/>
    /// (ASCII case-insensitive; spaces or tabs may precede the colon). <paramref name="value"/> is the trimmed value.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int colon = ColonAfterName(line, name);
        if (colon < 0)
        {
            value = default;
            return false;
        }

        value = ValueAfter(line, colon);
        return true;
    }

    /// <summary><see cref="TryMatch(ReadOnlySpan{byte}, ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/> for a name the reader looks for on every record.</summary>
    public static bool TryMatch(ReadOnlySpan<byte> line, HeaderName name, out ReadOnlySpan<byte> value)
    {
        int colon = name.ColonAfterName(line);
        value = colon < 0 ? default : ValueAfter(line, colon);
        return colon >= 0;
    }

    /// <summary>
    /// Finds the first header named <paramref name="name"/> in <paramref name="block"/>. A value continued on lines
    /// starting with space or tab is joined (trimmed pieces, one space between non-empty pieces) into
    /// <paramref name="scratch"/> (a fresh array when null); otherwise the value is a slice of the block.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> block, ReadOnlySpan<byte> name, JoinScratch? scratch, out ReadOnlySpan<byte> value)
    {
        int position = 0;
        while (position < block.Length)
        {
            var line = NextLine(block, ref position);
            if (TryMatch(line, name, out value))
            {
                value = WithContinuations(value, block, position, scratch);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The value of the header named <paramref name="name"/> on <paramref name="line"/> of <paramref name="block"/>
    /// (without its LF; found earlier, for example by <see cref="HeaderIndex"/>), joined as by <see cref="TryFind"/>.
    /// </summary>
    public static ReadOnlySpan<byte> ValueAt(ReadOnlySpan<byte> block, Range line, HeaderName name, JoinScratch? scratch)
    {
        bool matched = TryMatch(block[line], name, out var value);
        Debug.Assert(matched, "the line was indexed under this name");
        return WithContinuations(value, block, line.End.Value + 1, scratch);
    }

    /// <summary>True when a line starting with <paramref name="first"/> continues the previous header (space or tab).</summary>
    public static bool IsContinuation(byte first) => first is (byte)' ' or (byte)'\t';

    /// <summary>
    /// Parses a Content-Length value: 1 to 18 ASCII digits (enough for any real block, and no overflow).
    /// </summary>
    public static bool TryParseContentLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 18)
        {
            return false;
        }

        foreach (byte b in value)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            length = (length * 10) + digit;
        }

        return true;
    }

    /// <summary>The line at <paramref name="position"/> without its LF (a CR stays); moves past the LF.</summary>
    public static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> block, scoped ref int position)
    {
        var rest = block[position..];
        int lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            position = block.Length;
            return rest;
        }

        position += lf + 1;
        return rest[..lf];
    }

    /// <summary>
    /// Where the colon after <paramref name="name"/> is in <paramref name="line"/> (the name at its start, ASCII
    /// case-insensitive, then maybe spaces or tabs), or -1.
    /// </summary>
    private static int ColonAfterName(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        if (line.Length <= name.Length || ((line[0] ^ name[0]) & ~0x20) != 0 || !Ascii.EqualsIgnoreCase(line[..name.Length], name))
        {
            return -1;
        }

        int colon = name.Length;
        while (colon < line.Length && line[colon] is (byte)' ' or (byte)'\t')
        {
            colon++;
        }

        return colon < line.Length && line[colon] == ':' ? colon : -1;
    }

    /// <summary>The value after the colon at <paramref name="colon"/>, trimmed (a CR before the LF is not part of it).</summary>
    private static ReadOnlySpan<byte> ValueAfter(ReadOnlySpan<byte> line, int colon) =>
        WarcSyntax.TrimSpaceTab(line[(colon + 1)..].TrimEnd((byte)'\r'));

    /// <summary><paramref name="first"/> (a value whose line ends before <paramref name="position"/>) joined with its continuation lines.</summary>
    private static ReadOnlySpan<byte> WithContinuations(ReadOnlySpan<byte> first, ReadOnlySpan<byte> block, int position, JoinScratch? scratch) =>
        position < block.Length && IsContinuation(block[position]) ? Join(first, block, position, scratch) : first;

    private static ReadOnlySpan<byte> Join(ReadOnlySpan<byte> first, ReadOnlySpan<byte> block, int position, JoinScratch? scratch)
    {
        // First pass: size; second pass: copy. Both walk the same continuation lines.
        int length = first.Length;
        int scan = position;
        while (scan < block.Length && IsContinuation(block[scan]))
        {
            var piece = WarcSyntax.TrimSpaceTab(NextLine(block, ref scan).TrimEnd((byte)'\r'));
            if (!piece.IsEmpty)
            {
                length += (length > 0 ? 1 : 0) + piece.Length;
            }
        }

        Span<byte> joined = scratch is null ? new byte[length] : scratch.Take(length);
        first.CopyTo(joined);
        int written = first.Length;
        while (position < block.Length && IsContinuation(block[position]))
        {
            var piece = WarcSyntax.TrimSpaceTab(NextLine(block, ref position).TrimEnd((byte)'\r'));
            if (piece.IsEmpty)
            {
                continue;
            }

            if (written > 0)
            {
                joined[written++] = (byte)' ';
            }

            piece.CopyTo(joined[written..]);
            written += piece.Length;
        }

        return joined;
    }
}
