using System.IO.Compression;
using System.Text;

namespace BigData.Warc.Tests.SampleGeneration;

/// <summary>One record found by the test's own minimal parser.</summary>
internal sealed record ParsedRecord(long Offset, string VersionLine, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Block)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string Type => Header("WARC-Type") ?? "";
}

/// <summary>
/// A deliberately simple, independent reader for the generator's output (it must not share code with the product's
/// reader): gzip members are split by hand, records are walked by Content-Length.
/// </summary>
internal static class SampleArchiveParser
{
    /// <summary>
    /// Splits the file at gzip member headers and decompresses every member on its own. .NET writes a fixed header
    /// (magic, deflate, no flags, zero time); eight such bytes inside deflate data are too unlikely to matter, and a
    /// wrong split would fail decompression or the per-member record check anyway.
    /// </summary>
    public static List<byte[]> SplitMembers(byte[] gz)
    {
        ReadOnlySpan<byte> header = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
        Assert.True(gz.AsSpan().StartsWith(header), "the file does not start with a gzip member header");
        var starts = new List<int>();
        for (var pos = 0; pos < gz.Length;)
        {
            starts.Add(pos);
            var next = gz.AsSpan(pos + 1).IndexOf(header);
            pos = next < 0 ? gz.Length : pos + 1 + next;
        }

        starts.Add(gz.Length);
        var members = new List<byte[]>();
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            var member = gz.AsSpan(starts[i], starts[i + 1] - starts[i]).ToArray();
            using var gzip = new GZipStream(new MemoryStream(member), CompressionMode.Decompress);
            var content = new MemoryStream();
            gzip.CopyTo(content);
            Assert.Equal((uint)content.Length, BitConverter.ToUInt32(member, member.Length - 4));
            members.Add(content.ToArray());
        }

        return members;
    }

    /// <summary>Decompresses the whole file as one stream (GZipStream reads concatenated members).</summary>
    public static byte[] Decompress(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Walks records by Content-Length, checking the version line, CRLF header lines and the trailer.</summary>
    public static List<ParsedRecord> ParseRecords(byte[] data)
    {
        var records = new List<ParsedRecord>();
        var pos = 0;
        while (pos < data.Length)
        {
            var headerEnd = data.AsSpan(pos).IndexOf("\r\n\r\n"u8);
            Assert.True(headerEnd > 0, $"no end of header for the record at {pos}");
            var headerText = Encoding.ASCII.GetString(data, pos, headerEnd);
            Assert.DoesNotContain("\n", headerText.Replace("\r\n", "", StringComparison.Ordinal));
            var lines = headerText.Split("\r\n");
            Assert.StartsWith("WARC/", lines[0], StringComparison.Ordinal);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"a header line without a colon at {pos}: {line}");
                headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }

            var contentLength = headers.Single(h => h.Key == "Content-Length").Value;
            var length = int.Parse(contentLength, System.Globalization.CultureInfo.InvariantCulture);
            var blockStart = pos + headerEnd + 4;
            Assert.True(blockStart + length + 4 <= data.Length, $"the block of the record at {pos} runs past the end");
            var block = data.AsSpan(blockStart, length).ToArray();
            Assert.True(data.AsSpan(blockStart + length, 4).SequenceEqual("\r\n\r\n"u8), $"no CRLF CRLF after the block of the record at {pos}");
            records.Add(new ParsedRecord(pos, lines[0], headers, block));
            pos = blockStart + length + 4;
        }

        return records;
    }
}
