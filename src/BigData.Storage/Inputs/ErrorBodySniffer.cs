using System.Text;

namespace BigData.Storage.Inputs;

/// <summary>
/// Names what the first bytes of a response look like when they are an error page rather than data: an S3 XML
/// error (with its <c>Code</c> and <c>Message</c>), another XML document, an HTML page, or printable text.
/// </summary>
public static class ErrorBodySniffer
{
    /// <summary>How many leading bytes are worth looking at.</summary>
    public const int PrefixLength = 1024;

    /// <summary>Longest excerpt quoted in a message.</summary>
    private const int MaxExcerpt = 200;

    /// <summary>True when <paramref name="prefix"/> starts like XML or HTML (after a BOM and white space).</summary>
    public static bool LooksLikeMarkup(ReadOnlySpan<byte> prefix)
    {
        var s = SkipBomAndSpace(prefix);
        return s.Length > 1 && s[0] == (byte)'<' && (IsAsciiLetter(s[1]) || s[1] is (byte)'?' or (byte)'!');
    }

    /// <summary>
    /// A short description of an error body for an exception message, for example
    /// <c>S3 error SlowDown: Please reduce your request rate.</c> or <c>an HTML page: "&lt;!DOCTYPE html&gt;..."</c>.
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> prefix)
    {
        var body = SkipBomAndSpace(prefix);
        if (body.IsEmpty)
        {
            return "an empty body";
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, PrefixLength)]);
        if (LooksLikeMarkup(body))
        {
            var code = Element(text, "Code");
            var message = Element(text, "Message");
            if (code != null)
            {
                return message != null ? $"S3 error {code}: {message}" : $"S3 error {code}";
            }

            var isHtml = text.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase);
            return (isHtml ? "an HTML page: " : "an XML document: ") + Quote(text);
        }

        return "a body starting " + Quote(text);
    }

    private static string? Element(string text, string name)
    {
        var open = "<" + name + ">";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        var value = (end < 0 ? text[start..] : text[start..end]).Trim();
        return value.Length == 0 ? null : Clip(value);
    }

    private static string Quote(string text) => "\"" + Clip(text) + "\"";

    /// <summary>One line, printable, at most <see cref="MaxExcerpt"/> characters.</summary>
    private static string Clip(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxExcerpt + 3));
        foreach (var c in text)
        {
            if (sb.Length >= MaxExcerpt)
            {
                sb.Append("...");
                break;
            }

            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> s)
    {
        if (s.StartsWith("\uFEFF"u8))
        {
            s = s[3..];
        }

        return s.TrimStart(" \t\r\n"u8);
    }

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
