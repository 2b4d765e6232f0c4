using System.Text;

namespace BigData.Warc.Parsing;

/// <summary>Span-level pieces of the WARC grammar: version lines, line starts and whitespace.</summary>
internal static class WarcSyntax
{
    /// <summary>Bytes needed to recognise the start of a version line: <c>WARC/</c> and one digit.</summary>
    public const int VersionPrefixLength = 6;

    /// <summary>A version line longer than this is not one.</summary>
    public const int MaxVersionLineLength = 64;

    /// <summary>True when <paramref name="bytes"/> starts with <c>WARC/</c> (any case) and a digit.</summary>
    public static bool IsVersionPrefix(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= VersionPrefixLength &&
        Ascii.EqualsIgnoreCase(bytes[..5], "warc/"u8) &&
        char.IsAsciiDigit((char)bytes[5]);

    /// <summary>True when <paramref name="bytes"/> (what is left at the end of input) could be the start of a version line.</summary>
    public static bool IsPartialVersionLine(ReadOnlySpan<byte> bytes)
    {
        var prefix = "warc/"u8;
        int n = Math.Min(bytes.Length, prefix.Length);
        if (!Ascii.EqualsIgnoreCase(bytes[..n], prefix[..n]))
        {
            return false;
        }

        if (bytes.Length <= prefix.Length)
        {
            return true;
        }

        // After "WARC/": digits, at most one dot, more digits, then the spaces and CR that may precede the LF.
        var rest = bytes[prefix.Length..];
        int digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits < 0)
        {
            return true;
        }

        if (digits == 0 || rest[digits] != '.')
        {
            return false;
        }

        rest = rest[(digits + 1)..];
        int minor = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        return minor < 0 || (minor > 0 && rest[minor..].IndexOfAnyExcept(" \t\r"u8) < 0);
    }

    /// <summary>
    /// Parses a version line without its LF (a CR before the LF is allowed, as are trailing spaces and tabs):
    /// <c>WARC/</c> in any case, then digits <c>.</c> digits. <paramref name="version"/> is the digits part.
    /// </summary>
    public static bool TryParseVersionLine(ReadOnlySpan<byte> line, out Range version)
    {
        version = default;
        if (line.Length < 8 || !Ascii.EqualsIgnoreCase(line[..5], "warc/"u8))
        {
            return false;
        }

        var rest = TrimSpaceTabEnd(line[5..].TrimEnd((byte)'\r'));
        int major = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (major <= 0 || rest[major] != '.')
        {
            return false;
        }

        int minorStart = major + 1;
        if (minorStart == rest.Length || rest[minorStart..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        version = 5..(5 + rest.Length);
        return true;
    }

    /// <summary>
    /// Finds the first line start <c>p &gt;= from</c> (a position right after an LF) where a version line begins;
    /// with <paramref name="afterEmptyLine"/>, the line before it must also be empty (LF or CR LF alone). Returns -1
    /// when no candidate that is fully buffered matches; <paramref name="resumeAt"/> is then the <c>from</c> to
    /// search again with once more bytes follow (candidates before it are settled).
    /// </summary>
    public static int FindVersionLine(ReadOnlySpan<byte> data, int from, bool afterEmptyLine, out int resumeAt)
    {
        int searchAt = Math.Max(from - 1, 0);
        while (true)
        {
            int found = data[searchAt..].IndexOf((byte)'\n');
            if (found < 0)
            {
                resumeAt = data.Length + 1;
                return -1;
            }

            int lf = searchAt + found;
            int candidate = lf + 1;
            if (candidate >= from)
            {
                if (candidate + VersionPrefixLength > data.Length)
                {
                    resumeAt = candidate;
                    return -1;
                }

                if (IsVersionPrefix(data[candidate..]) && (!afterEmptyLine || EndsEmptyLine(data, lf)))
                {
                    resumeAt = candidate;
                    return candidate;
                }
            }

            searchAt = candidate;
        }
    }

    /// <summary>True when the line that the LF at <paramref name="lf"/> ends is empty (bare LF or CR LF).</summary>
    public static bool EndsEmptyLine(ReadOnlySpan<byte> data, int lf)
    {
        if (lf >= 1 && data[lf - 1] == '\n')
        {
            return true;
        }

        return lf >= 2 && data[lf - 1] == '\r' && data[lf - 2] == '\n';
    }

    /// <summary>True for a line (without its LF) that is empty or a lone CR.</summary>
    public static bool IsEmptyLine(ReadOnlySpan<byte> line) => line.IsEmpty || (line.Length == 1 && line[0] == '\r');

    // Plain loops: Trim(" \t"u8) would search the two-byte set once per byte trimmed and per byte kept at each end,
    // and values are trimmed for every record.
    public static ReadOnlySpan<byte> TrimSpaceTab(ReadOnlySpan<byte> s)
    {
        int start = 0;
        while (start < s.Length && IsSpaceOrTab(s[start]))
        {
            start++;
        }

        return TrimSpaceTabEnd(s[start..]);
    }

    public static ReadOnlySpan<byte> TrimSpaceTabEnd(ReadOnlySpan<byte> s)
    {
        int end = s.Length;
        while (end > 0 && IsSpaceOrTab(s[end - 1]))
        {
            end--;
        }

        return s[..end];
    }

    private static bool IsSpaceOrTab(byte b) => b is (byte)' ' or (byte)'\t';
}
