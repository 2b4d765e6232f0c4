using System.Text;

namespace TestSupport;

/// <summary>
/// Seeded random lines for the <c>seed</c> rule: target lines with every kind of ASCII whitespace (and the
/// non-whitespace look-alikes 0x1C and 0xA0), near-miss first words, crash cases, extra words, CR endings, WARC
/// headers, and raw random bytes. Never an LF.
/// </summary>
public static class NastyLines
{
    private static readonly string[] Prefixes = ["", "", "", " ", "\t", " \t ", "\u000b", "\u000c", "\r", "\u001c", "\u00a0", "\u0000"];

    private static readonly string[] FirstWords =
    [
        "WARC-Target-URI:", "WARC-Target-URI:", "WARC-Target-URI:", "WARC-Target-URI:", "warc-target-uri:",
        "WARC-Target-URI", "WARC-Target-URI:x", "WARC-Target-URI::", "XWARC-Target-URI:", "WARC-Type:", "<p>", "",
    ];

    private static readonly string[] Separators = [" ", " ", "\t", "  ", "\u000b", "\u000c", "\r", "", "\u001c", "\u00a0 ", " \r\t"];

    private static readonly string[] SimpleUris =
    [
        "http://a.example/x", "https://B.Example:443/", "dns:example.com", "urn:x", "http:/x", "a//", "//", "/",
        "file:///srv/x", "x/y/z/w", "",
    ];

    private static readonly string[] Endings = ["", "", "\r", " \r", "\t extra words\r", " more", "\u000c", "\u0085"];

    /// <summary><paramref name="count"/> lines from a generator seeded with <paramref name="seed"/>.</summary>
    public static List<byte[]> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var uris = NastyUris.Generate(seed + 1, count);
        var lines = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            byte[] line;
            if (random.Next(10) == 0)
            {
                line = new byte[random.Next(40)];
                random.NextBytes(line);
            }
            else
            {
                var uri = random.Next(2) == 0 ? uris[i] : Encoding.Latin1.GetBytes(SimpleUris[random.Next(SimpleUris.Length)]);
                line =
                [
                    .. Latin1(random, Prefixes), .. Latin1(random, FirstWords), .. Latin1(random, Separators), .. uri,
                    .. Latin1(random, Endings),
                ];
            }

            lines.Add([.. line.Select(b => b == (byte)'\n' ? (byte)'\u000b' : b)]);
        }

        return lines;
    }

    private static byte[] Latin1(Random random, string[] choices) => Encoding.Latin1.GetBytes(choices[random.Next(choices.Length)]);
}
