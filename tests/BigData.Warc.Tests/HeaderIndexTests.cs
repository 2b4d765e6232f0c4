using System.Text;
using BigData.Warc.Tests.Support;

namespace BigData.Warc.Tests;

/// <summary>
/// The reader notes where WARC-Type and WARC-Target-URI are while it reads a header, and the record's
/// <see cref="WarcRecord.Type"/> and <see cref="WarcRecord.TryGetTargetUri"/> go straight there. A record built
/// over the same header bytes by a caller has no such index and scans: both must always agree.
/// </summary>
public class HeaderIndexTests
{
    // Lines that are, almost are, or look like the indexed names (and Content-Length), in several spellings.
    private static readonly string[] Lines =
    [
        "WARC-Type: response",
        "warc-type:request",
        "WARC-TYPE \t: metadata",
        "WARC-Type:",
        "WARC-Type :  ",
        "WARC-Typo: x",
        "WARC-Types: x",
        "WARC-Type",
        "WARC-Typ: x",
        "WARC\rType: cr-folds-onto-dash",
        "WARC-Type\u00e9: x",
        "W\u00c1RC-Type: x",
        "XARC-Type: x",
        "WARC-Target-URI: http://a.example/",
        "warc-target-uri:\thttp://b.example/x ",
        "WARC-TARGET-URI : <http://c.example/>",
        "WARC-Target-URI:",
        "WARC-Target-URI: <>",
        "WARC-Target-URIs: http://d.example/",
        "WARC-Target-UR: http://e.example/",
        "WARC-Target_URI: http://f.example/",
        "WARC-Target-URI\r: http://g.example/",
        "WARC-Tar",
        " continued",
        "\tcontinued with a tab",
        "WARC-Date: 2024-01-01T00:00:00Z",
        "Content-Type: text/plain",
        "X",
        "",
    ];

    public static TheoryData<int, int, bool> Cases()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            data.Add(seed, 1 << 20, true);
            data.Add(seed, 64, true); // blocks larger than the window: the header is copied out
            data.Add(seed, 1 << 20, false); // shape mode
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TypeAndTargetUri_IndexedByReader_SameAsScanningTheBlock(int seed, int bufferSize, bool trustContentLength)
    {
        var random = new Random(seed);
        var bytes = new List<byte>();
        const int records = 300;
        for (int i = 0; i < records; i++)
        {
            bytes.AddRange(RandomRecord(random));
        }

        var options = new WarcReaderOptions { BufferSize = bufferSize, TrustContentLength = trustContentLength };
        var warnings = new List<WarcWarning>();
        using var reader = new WarcReader(new MemoryStream(bytes.ToArray()), "index.warc", options, warnings.Add);
        int read = 0;
        while (reader.TryRead(out var record))
        {
            var scanned = new WarcRecord("copy", record.Offset, record.Version, record.ContentLength, record.HeaderBlock);
            Assert.Equal(Text(scanned.Type), Text(record.Type));

            bool hasUri = record.TryGetTargetUri(out var uri);
            Assert.Equal(scanned.TryGetTargetUri(out var scannedUri), hasUri);
            Assert.Equal(Text(scannedUri), Text(uri));
            read++;
        }

        // Content-Length is found in every spelling, so nothing is dropped.
        Assert.Empty(warnings);
        Assert.Equal(records, read);
    }

    [Fact]
    public void TryGetTargetUri_IndexedValueWithContinuationLines_IsJoined()
    {
        var bytes = WarcBuilder.Ascii(
            "WARC/1.0\r\nWARC-Type:\r\n  resp\r\nWARC-Target-URI: http://a.example/\r\n\tpart2\r\n \r\n more\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        using var reader = new WarcReader(new MemoryStream(bytes), "fold.warc");

        Assert.True(reader.TryRead(out var record));
        Assert.Equal("resp", Text(record.Type));
        Assert.True(record.TryGetTargetUri(out var uri));
        Assert.Equal("http://a.example/ part2 more", Text(uri));
    }

    [Fact]
    public void TypeAndTargetUri_HeaderWithoutThem_AreAbsent()
    {
        var bytes = WarcBuilder.Ascii("WARC/1.0\r\nWARC-Typo: x\r\nWARC-Target-URIs: y\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
        using var reader = new WarcReader(new MemoryStream(bytes), "none.warc");

        Assert.True(reader.TryRead(out var record));
        Assert.True(record.Type.IsEmpty);
        Assert.False(record.TryGetTargetUri(out _));
        Assert.True(record.TryGetHeader("WARC-Typo"u8, out _));
    }

    /// <summary>A record with Content-Length (in a random spelling) first, then random lines from <see cref="Lines"/>.</summary>
    private static byte[] RandomRecord(Random random)
    {
        string eol = random.Next(4) == 0 ? "\n" : "\r\n";
        int bodyLength = random.Next(0, 120);
        var header = new StringBuilder("WARC/1.0").Append(eol);
        header.Append(RandomCase(random, "Content-Length")).Append(random.Next(2) == 0 ? "" : " \t").Append(": ").Append(bodyLength).Append(eol);
        int lines = random.Next(0, 12);
        for (int i = 0; i < lines; i++)
        {
            var line = Lines[random.Next(Lines.Length)];
            if (line.Length == 0)
            {
                continue; // an empty line would end the header
            }

            header.Append(random.Next(3) == 0 ? RandomCase(random, line) : line).Append(eol);
        }

        header.Append(eol);
        var body = new string('b', bodyLength);

        // Shape mode finds the end of the block by the empty line before the next version line, so the body has none.
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. Encoding.UTF8.GetBytes(body), .. Encoding.ASCII.GetBytes(eol + eol)];
    }

    private static string RandomCase(Random random, string s) =>
        string.Concat(s.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
