using System.IO.Compression;
using System.Text;
using BigData.Storage.Inputs;

namespace BigData.MapReduce.Streaming;

/// <summary>What a streaming map task finds on stdin (<c>--input-style</c>).</summary>
public enum StreamInputStyle
{
    /// <summary>
    /// WARC content: a (decompressed) archive as Hadoop's TextInputFormat delivers it, line by line in file order.
    /// Records are found by their shape, not by Content-Length, since re-lining changes the byte counts.
    /// </summary>
    Warc,

    /// <summary>
    /// A list of locations, one per line (with NLineInputFormat: <c>offset&lt;TAB&gt;location</c>); each is opened,
    /// decompressed and read by the task itself.
    /// </summary>
    Locations,

    /// <summary>Decide from the first bytes (<see cref="StreamInputSniffer"/>).</summary>
    Auto,
}

/// <summary>Decides the input style of a stdin stream from its first bytes.</summary>
public static class StreamInputSniffer
{
    /// <summary>How many bytes are looked at: enough for the first line of any location list.</summary>
    public const int HeadBytes = 8192;

    /// <summary>
    /// The style of input starting with <paramref name="head"/>, or null when it is empty. Gzip magic bytes or a
    /// <c>WARC/</c> version line (any case) mean <see cref="StreamInputStyle.Warc"/>. A first line (after blank and
    /// <c>#</c> lines) that starts with <c>offset&lt;TAB&gt;</c> (NLineInputFormat), has a scheme (<c>s3://</c>,
    /// <c>https://</c>, <c>file://</c>), is an absolute or <c>./</c>-relative path, or names an existing file means
    /// <see cref="StreamInputStyle.Locations"/>; so does any other first line when <paramref name="hasBaseUrl"/>
    /// (relative manifest lines such as Common Crawl's <c>crawl-data/…</c> with <c>--input-base-url</c>). Anything
    /// else is taken as WARC content, so that a foreign file (an HTML page) fails with the reader's "not an archive"
    /// message naming what it looks like.
    /// </summary>
    public static StreamInputStyle? Detect(ReadOnlySpan<byte> head, bool hasBaseUrl = false)
    {
        if (head.IsEmpty)
        {
            return null;
        }

        if (IsGzip(head))
        {
            // A gzipped archive, or a gzipped list of locations (like Common Crawl's warc.paths.gz): look inside.
            var inner = InflatePrefix(head);
            return inner.Length == 0 || IsGzip(inner) ? StreamInputStyle.Warc : Detect(inner, hasBaseUrl) ?? StreamInputStyle.Warc;
        }

        if (head.Length >= 5 && Ascii.EqualsIgnoreCase(head[..5], "WARC/"u8))
        {
            return StreamInputStyle.Warc;
        }

        while (!head.IsEmpty)
        {
            var lf = head.IndexOf((byte)'\n');
            var line = lf < 0 ? head : head[..lf];
            head = lf < 0 ? default : head[(lf + 1)..];
            if (LocationLines.HasOffsetPrefix(line))
            {
                return StreamInputStyle.Locations;
            }

            if (!LocationLines.TryGetLocation(line, out var location))
            {
                continue;
            }

            return hasBaseUrl || LooksLikeLocation(location) ? StreamInputStyle.Locations : StreamInputStyle.Warc;
        }

        return null;
    }

    /// <summary>True when <paramref name="head"/> starts with the gzip magic bytes.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>What the first bytes of a gzip stream decompress to, as far as <paramref name="head"/> goes.</summary>
    private static byte[] InflatePrefix(ReadOnlySpan<byte> head)
    {
        using var gzip = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
        var inflated = new byte[HeadBytes];
        var length = 0;
        try
        {
            int n;
            while (length < inflated.Length && (n = gzip.Read(inflated, length, inflated.Length - length)) > 0)
            {
                length += n;
            }
        }
        catch (InvalidDataException)
        {
            // The head ends inside the stream, or it is not gzip after all: what came out so far is what there is.
        }

        return inflated[..length];
    }

    private static bool LooksLikeLocation(ReadOnlySpan<byte> location)
    {
        if (location[0] == (byte)'/' || location.StartsWith("./"u8) || location.StartsWith("../"u8))
        {
            return true;
        }

        var text = Encoding.UTF8.GetString(location);
        return InputLocation.HasScheme(text) || File.Exists(text);
    }
}
