using System.IO.Compression;
using System.Text;

namespace BigData.Warc.Tests.Support;

/// <summary>What a test wrote into an archive, so expectations never come from the code under test.</summary>
public sealed record WrittenRecord(string? Type, string? TargetUri, long Offset, long BlockEnd, long End);

/// <summary>Assembles WARC records and archives byte by byte for tests.</summary>
public static class WarcBuilder
{
    public static byte[] Ascii(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>
    /// One record: version line, headers (type, optional target, extra lines, Content-Length), empty line, body,
    /// trailer. <paramref name="contentLength"/> overrides the declared length; null writes the true one;
    /// <paramref name="omitLength"/> writes none.
    /// </summary>
    public static byte[] Record(
        string? type,
        string? targetUri,
        byte[] body,
        string version = "WARC/1.0",
        string eol = "\r\n",
        string[]? extraHeaders = null,
        long? contentLength = null,
        bool omitLength = false,
        string typeName = "WARC-Type",
        string uriName = "WARC-Target-URI",
        string lengthName = "Content-Length",
        string? trailer = null) =>
        Layout(type, targetUri, body, version, eol, extraHeaders, contentLength, omitLength, typeName, uriName, lengthName, trailer).Bytes;

    /// <summary>As <see cref="Record"/>, also saying where the block ends inside the record bytes.</summary>
    public static (byte[] Bytes, int BlockEnd) Layout(
        string? type,
        string? targetUri,
        byte[] body,
        string version = "WARC/1.0",
        string eol = "\r\n",
        string[]? extraHeaders = null,
        long? contentLength = null,
        bool omitLength = false,
        string typeName = "WARC-Type",
        string uriName = "WARC-Target-URI",
        string lengthName = "Content-Length",
        string? trailer = null)
    {
        var head = new StringBuilder();
        head.Append(version).Append(eol);
        if (type != null)
        {
            head.Append(typeName).Append(": ").Append(type).Append(eol);
        }

        head.Append("WARC-Date: 2024-01-01T00:00:00Z").Append(eol);
        head.Append("WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-").Append((body.Length % 1_000_000_000_000).ToString("D12")).Append('>').Append(eol);
        if (targetUri != null)
        {
            head.Append(uriName).Append(": ").Append(targetUri).Append(eol);
        }

        foreach (var extra in extraHeaders ?? [])
        {
            head.Append(extra).Append(eol);
        }

        if (!omitLength)
        {
            head.Append(lengthName).Append(": ").Append(contentLength ?? body.Length).Append(eol);
        }

        head.Append(eol);
        var headBytes = Ascii(head.ToString());
        return ([.. headBytes, .. body, .. Ascii(trailer ?? eol + eol)], headBytes.Length + body.Length);
    }

    /// <summary>An HTTP response payload of about <paramref name="size"/> bytes (text with CR LF lines).</summary>
    public static byte[] HttpResponse(string host, int size = 200, string eol = "\r\n")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><title>").Append(host).Append("</title></head>\n<body>\n");
        int line = 0;
        while (html.Length < size)
        {
            html.Append("<p>line ").Append(line++).Append(" of ").Append(host).Append(" lorem ipsum dolor sit amet</p>\n");
        }

        html.Append("</body></html>\n");
        string head = $"HTTP/1.1 200 OK{eol}Content-Type: text/html; charset=utf-8{eol}Content-Length: {html.Length}{eol}{eol}";
        return Ascii(head + html);
    }

    /// <summary>Concatenates records, noting where each starts and where its block ends.</summary>
    public static (byte[] Bytes, List<WrittenRecord> Records) Archive(IEnumerable<(string? Type, string? Uri, (byte[] Bytes, int BlockEnd) Layout)> records)
    {
        var all = new MemoryStream();
        var written = new List<WrittenRecord>();
        foreach (var (type, uri, (bytes, blockEnd)) in records)
        {
            long offset = all.Length;
            written.Add(new WrittenRecord(type, Unbracket(uri), offset, offset + blockEnd, offset + bytes.Length));
            all.Write(bytes);
        }

        return (all.ToArray(), written);
    }

    /// <summary>
    /// A deterministic archive of <paramref name="count"/> records of mixed types and sizes (CR LF, true lengths):
    /// warcinfo first, then request/response/metadata captures, some without target, some with <c>&lt;uri&gt;</c>.
    /// </summary>
    public static (byte[] Bytes, List<WrittenRecord> Records) BuildArchive(int count, int seed = 1, int minBody = 20, int maxBody = 600, string eol = "\r\n")
    {
        var random = new Random(seed);
        var parts = new List<(string?, string?, (byte[], int))>();
        var info = Ascii($"software: bigdata-tests{eol}format: WARC File Format 1.0{eol}");
        parts.Add(("warcinfo", null, Layout("warcinfo", null, info, eol: eol)));
        string[] types = ["request", "response", "metadata", "resource"];
        for (int i = 1; i < count; i++)
        {
            string type = types[random.Next(types.Length)];
            string host = $"host{random.Next(20)}.example";
            string? uri = random.Next(10) switch
            {
                0 => null,
                1 => $"<http://{host}/bracketed/{i}>",
                _ => $"http://{host}/page/{i}?q={random.Next(1000)}",
            };
            var body = type == "response"
                ? HttpResponse(host, random.Next(minBody, maxBody), eol)
                : RandomText(random, random.Next(minBody, maxBody), eol);
            parts.Add((type, uri, Layout(type, uri, body, eol: eol)));
        }

        return Archive(parts);
    }

    public static byte[] RandomText(Random random, int length, string eol = "\r\n")
    {
        var sb = new StringBuilder(length + 16);
        while (sb.Length < length)
        {
            sb.Append((char)('a' + random.Next(26)));
            if (random.Next(40) == 0)
            {
                sb.Append(eol);
            }
        }

        return Ascii(sb.ToString());
    }

    /// <summary>Random bytes (binary payloads: any byte, CR and LF included).</summary>
    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One gzip member per piece (Common Crawl style).</summary>
    public static byte[] GzipMembers(IEnumerable<byte[]> pieces)
    {
        var all = new MemoryStream();
        foreach (var piece in pieces)
        {
            all.Write(Gzip(piece));
        }

        return all.ToArray();
    }

    /// <summary>One gzip member per record of a written archive.</summary>
    public static byte[] GzipPerRecord(byte[] archive, IReadOnlyList<WrittenRecord> records) =>
        GzipMembers(records.Select(r => archive[(int)r.Offset..(int)r.End]));

    /// <summary>What <c>gzip &lt; /dev/null</c> writes (the framework writes nothing at all for empty input).</summary>
    public static byte[] EmptyGzipMember => [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>One gzip member for all of <paramref name="bytes"/> (a real empty member when there are none).</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return EmptyGzipMember;
        }

        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    public static string? Unbracket(string? uri) =>
        uri is ['<', .. var inner, '>'] ? inner : uri;
}
