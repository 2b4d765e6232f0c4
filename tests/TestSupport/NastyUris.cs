using System.Text;

namespace TestSupport;

/// <summary>
/// Seeded random URIs built from a grammar of nasty pieces: scheme spellings, separators, userinfo with several
/// <c>@</c>, hosts (case, dots, IPv6 literals good and broken, percent-escapes, UTF-8 and invalid bytes,
/// whitespace and control bytes), ports (empty, zero-padded, defaults of this and other schemes, garbage) and
/// tails, with an occasional random byte inserted or a piece dropped.
/// </summary>
public static class NastyUris
{
    // The first 14 are common valid schemes, drawn more often.
    private static readonly string[] Schemes =
    [
        "http", "HTTP", "Http", "https", "HTTPS", "hTTpS", "ws", "WSS", "wss", "ftp", "FTP", "gopher", "svn+ssh",
        "a.b-c+d", "x", "1http", "ht_tp", "", "dns", "urn", "file", "mailto", "h\u00e9",
    ];

    private static readonly string[] Separators = ["://", "://", "://", "://", ":", ":/", ":///", "//", "", ":\\\\", ": //"];

    private static readonly string[] UserInfos =
    [
        "", "", "", "user@", "u:p@", "a@b@", "@", "us er@", "%40@", "x:@", "@@", "a:b:c@", "USER@", "\u00fc@",
    ];

    private static readonly string[] Hosts =
    [
        "example.com", "Example.COM", "EXAMPLE.com.", "example.com..", ".", "..", "", "a", "A", "localhost",
        "1.2.3.4", "[2001:DB8::1]", "[::1]", "[::FFFF:1.2.3.4]", "[]", "[::1", "[::1]x", "[::1].", "[::1]]", "a]b",
        "[fe80::1%25ETH0]", "xn--Bcher-KVA.ch", "b\u00fccher.DE", "B\u00dcCHER.de", "%41%42.COM", "%4a.Ex", "a%2",
        "A%ZZ", "%%41", "ex%2Ecom.", "a b", "a\tb", "a\u007fb", "a\u0000b", "a\u001fb", "a:b", "WWW.A-B_C.org",
    ];

    private static readonly string[] Ports =
    [
        "", "", "", ":", ":80", ":0080", ":443", ":0443", ":00443", ":21", ":021", ":8080", ":08080", ":0", ":000",
        ":abc", ":8a", "::80", ":99999999999999999999", ": 80", ":80 ",
    ];

    private static readonly string[] Tails =
    [
        "", "/", "/", "/path/x?q=1#f", "?q", "?q:1/2", "#f", "#a@b", "/a@b", "/ space", " trailing", "\\x", "/:80",
        "?", "#", "/%2F",
    ];

    /// <summary><paramref name="count"/> URIs from a generator seeded with <paramref name="seed"/>.</summary>
    public static List<byte[]> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var uris = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            uris.Add(Next(random));
        }

        return uris;
    }

    private static byte[] Next(Random random)
    {
        var pieces = new List<string>
        {
            // Well-formed starts half the time or more, so that keyed and unkeyed URIs are both common.
            random.Next(2) == 0 ? Pick(random, Schemes) : Pick(random, Schemes.AsSpan(0, 14)),
            random.Next(3) == 0 ? Pick(random, Separators) : "://",
            Pick(random, UserInfos), Pick(random, Hosts),
            Pick(random, Ports), Pick(random, Tails),
        };
        if (random.Next(8) == 0)
        {
            pieces.RemoveAt(random.Next(pieces.Count));
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Concat(pieces)));
        if (random.Next(6) == 0)
        {
            // Any byte but LF (a header value never holds one), anywhere, including invalid UTF-8.
            var b = (byte)random.Next(256);
            bytes.Insert(random.Next(bytes.Count + 1), b == (byte)'\n' ? (byte)0xFF : b);
        }

        if (random.Next(10) == 0)
        {
            bytes.Insert(0, (byte)'<');
            if (random.Next(4) != 0)
            {
                bytes.Add((byte)'>');
            }
        }

        return [.. bytes];
    }

    private static string Pick(Random random, ReadOnlySpan<string> choices) => choices[random.Next(choices.Length)];
}
