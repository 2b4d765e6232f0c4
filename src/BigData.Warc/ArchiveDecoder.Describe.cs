using System.Text;

namespace BigData.Warc;

public static partial class ArchiveDecoder
{
    /// <summary>Says what the first bytes of a non-WARC input look like, for the "not an archive" message.</summary>
    internal static string Describe(ReadOnlySpan<byte> head, bool gzip)
    {
        string container = gzip ? "gzip-compressed " : string.Empty;
        if (head.IsEmpty)
        {
            return gzip
                ? "not a WARC archive: the gzip data decompresses to nothing (empty file)"
                : "not a WARC archive: the file is empty";
        }

        if (DescribeBinary(head) is { } binary)
        {
            return $"not a WARC archive: it looks like {container}{binary}";
        }

        var text = SkipBomAndWhitespace(head);
        if (StartsWithIgnoreCase(text, "<!doctype html"u8) || StartsWithIgnoreCase(text, "<html"u8) ||
            (text.Length > 0 && text[0] == '<' && ContainsIgnoreCase(head, "<html"u8)))
        {
            return $"not a WARC archive: it looks like {container}an HTML page (an error page?){Quote(text)}";
        }

        if (StartsWithIgnoreCase(text, "<?xml"u8) || (text.Length > 1 && text[0] == '<' && IsAsciiLetter(text[1])))
        {
            string code = XmlErrorCode(head) is { } c ? $" with error code {c}" : string.Empty;
            return $"not a WARC archive: it looks like {container}an XML document{code} (an S3 or HTTP error body?){Quote(text)}";
        }

        if (LooksLikeText(head))
        {
            string what = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? "a JSON document" : "text";
            return $"not a WARC archive (no WARC/ version line at the start): it looks like {container}{what}{Quote(text)}";
        }

        return $"not a WARC archive: it looks like {container}binary data (first bytes {Convert.ToHexString(head[..Math.Min(8, head.Length)])})";
    }

    private static string? DescribeBinary(ReadOnlySpan<byte> head) => head switch
    {
        [0x1F, 0x8B, ..] => "gzip data inside gzip (compressed twice?)",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "bzip2 data (not supported; recompress with gzip)",
        [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, ..] => "xz data (not supported; recompress with gzip)",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "zstd data (not supported; recompress with gzip)",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "a zip archive",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        _ => null,
    };

    private static ReadOnlySpan<byte> SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        return head.TrimStart(" \t\r\n"u8);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        int control = 0;
        foreach (byte b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }

        return control * 20 <= head.Length;
    }

    /// <summary>The <c>&lt;Code&gt;</c> of an S3-style XML error body, if the sniffed bytes hold one.</summary>
    private static string? XmlErrorCode(ReadOnlySpan<byte> head)
    {
        int start = head.IndexOf("<Code>"u8);
        if (start < 0)
        {
            return null;
        }

        var rest = head[(start + 6)..];
        int end = rest.IndexOf((byte)'<');
        return end is > 0 and <= 64 ? Printable(rest[..end]) : null;
    }

    private static string Quote(ReadOnlySpan<byte> text)
    {
        int lineEnd = text.IndexOfAny((byte)'\r', (byte)'\n');
        var line = lineEnd >= 0 ? text[..lineEnd] : text;
        if (line.IsEmpty)
        {
            return string.Empty;
        }

        bool cut = line.Length > 60;
        return $"; it starts with \"{Printable(line[..Math.Min(60, line.Length)])}{(cut ? "…" : string.Empty)}\"";
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return sb.ToString();
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> needle)
    {
        for (int i = 0; i + needle.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, needle.Length), needle))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
