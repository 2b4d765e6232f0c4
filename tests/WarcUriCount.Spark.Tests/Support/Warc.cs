using System.Text;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>Builds WARC records byte by byte, for tests.</summary>
public static class Warc
{
    /// <summary>
    /// A record: version line, the headers (each "Name: value"), Content-Length of <paramref name="payload"/> unless
    /// <paramref name="contentLength"/> overrides it (or it is given as a header), the block, then the trailer.
    /// </summary>
    public static byte[] Record(
        IEnumerable<string> headers,
        byte[]? payload = null,
        string version = "WARC/1.0",
        string eol = "\r\n",
        long? contentLength = null,
        bool addContentLength = true)
    {
        payload ??= [];
        var head = new StringBuilder();
        head.Append(version).Append(eol);
        foreach (var h in headers)
        {
            head.Append(h).Append(eol);
        }

        if (addContentLength)
        {
            head.Append("Content-Length: ").Append(contentLength ?? payload.Length).Append(eol);
        }

        head.Append(eol);
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. payload, .. Encoding.UTF8.GetBytes(eol + eol)];
    }

    /// <summary>A response record for <paramref name="uri"/> (the header value written as given).</summary>
    public static byte[] Response(string uri, string payload = "<html>hi</html>", string type = "response") =>
        Record([$"WARC-Type: {type}", $"WARC-Target-URI: {uri}", "WARC-Record-ID: <urn:uuid:1>"], Encoding.UTF8.GetBytes(payload));

    /// <summary>A response record whose target URI is raw bytes (for invalid UTF-8).</summary>
    public static byte[] ResponseRaw(byte[] uri) =>
        [
            .. "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "u8, .. uri,
            .. "\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n"u8,
        ];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
