using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BigData.Warc.Sample;
using TestSupport;

namespace BigData.Warc.Tests.SampleGeneration;

public sealed class SampleArchiveGeneratorStructureTests
{
    [Fact]
    public void Write_EveryRecord_IsItsOwnGzipMember()
    {
        var sample = GeneratedSample.Create(new SampleOptions { Pages = 25, Hosts = 10 });

        var members = SampleArchiveParser.SplitMembers(sample.Compressed);

        Assert.Equal(sample.Records.Count, members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var record = SampleArchiveParser.ParseRecords(members[i]);
            Assert.Single(record);
            Assert.True(sample.Records[i].Block.AsSpan().SequenceEqual(record[0].Block), $"member {i} holds a different record");
        }
    }

    [Fact]
    public void Write_Records_WarcinfoThenRequestResponseMetadataPerPage()
    {
        var sample = GeneratedSample.Default;

        var types = sample.Records.Select(r => r.Type).ToList();

        Assert.Equal(1 + 3 * 200, types.Count);
        Assert.Equal("warcinfo", types[0]);
        for (var i = 1; i < types.Count; i += 3)
        {
            Assert.Equal(["request", "response", "metadata"], types.Skip(i).Take(3));
        }

        Assert.All(sample.Records, r => Assert.Equal("WARC/1.0", r.VersionLine));
    }

    [Fact]
    public void Write_Summary_MatchesWhatWasWritten()
    {
        var sample = GeneratedSample.Default;

        Assert.Equal(200, sample.Summary.Pages);
        Assert.Equal(sample.Records.Count, sample.Summary.Records);
        Assert.Equal(sample.Uncompressed.Length, sample.Summary.UncompressedBytes);
        Assert.Equal(sample.Compressed.Length, sample.Summary.CompressedBytes);
    }

    [Fact]
    public void Write_ZeroPages_OnlyTheWarcinfoRecord()
    {
        var sample = GeneratedSample.Create(new SampleOptions { Pages = 0 });

        var record = Assert.Single(sample.Records);
        Assert.Equal("warcinfo", record.Type);
        Assert.Equal("application/warc-fields", record.Header("Content-Type"));
    }

    [Fact]
    public void Write_CommonCrawlHeaders_PresentOnEveryRecordType()
    {
        var sample = GeneratedSample.Default;
        string[] common = ["WARC-Type", "WARC-Date", "WARC-Record-ID", "Content-Length", "Content-Type"];
        var expected = new Dictionary<string, string[]>
        {
            ["warcinfo"] = [.. common, "WARC-Filename"],
            ["request"] = [.. common, "WARC-Warcinfo-ID", "WARC-IP-Address", "WARC-Target-URI", "WARC-Block-Digest"],
            ["response"] =
            [
                .. common, "WARC-Warcinfo-ID", "WARC-Concurrent-To", "WARC-IP-Address", "WARC-Target-URI",
                "WARC-Payload-Digest", "WARC-Block-Digest", "WARC-Identified-Payload-Type",
            ],
            ["metadata"] = [.. common, "WARC-Warcinfo-ID", "WARC-Concurrent-To", "WARC-Target-URI"],
        };

        foreach (var record in sample.Records)
        {
            Assert.Equal(expected[record.Type], record.Headers.Select(h => h.Key));
        }

        Assert.All(sample.Records.Where(r => r.Type is "request" or "response"), r =>
            Assert.Equal($"application/http; msgtype={r.Type}", r.Header("Content-Type")));
        Assert.All(sample.Records, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r.Header("WARC-Date")));
    }

    [Fact]
    public void Write_RecordIds_UniqueUuidsAndLinkedAsCommonCrawlDoes()
    {
        var records = GeneratedSample.Default.Records;

        var ids = records.Select(r => r.Header("WARC-Record-ID")!).ToList();
        Assert.All(ids, id => Assert.Matches("^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 1; i < records.Count; i += 3)
        {
            var (request, response, metadata) = (records[i], records[i + 1], records[i + 2]);
            Assert.All([request, response, metadata], r => Assert.Equal(ids[0], r.Header("WARC-Warcinfo-ID")));
            Assert.Equal(request.Header("WARC-Record-ID"), response.Header("WARC-Concurrent-To"));
            Assert.Equal(response.Header("WARC-Record-ID"), metadata.Header("WARC-Concurrent-To"));
            Assert.Equal(request.Header("WARC-Target-URI"), response.Header("WARC-Target-URI"));
            Assert.Equal(request.Header("WARC-Target-URI"), metadata.Header("WARC-Target-URI"));
        }
    }

    [Fact]
    public void Write_Digests_AreSha1OfBlockAndPayloadInBase32()
    {
        foreach (var record in GeneratedSample.Default.Records.Where(r => r.Type is "request" or "response"))
        {
            Assert.Equal("sha1:" + Base32(SHA1.HashData(record.Block)), record.Header("WARC-Block-Digest"));
            if (record.Type == "response")
            {
                var payload = record.Block.AsSpan(record.Block.AsSpan().IndexOf("\r\n\r\n"u8) + 4).ToArray();
                Assert.Equal("sha1:" + Base32(SHA1.HashData(payload)), record.Header("WARC-Payload-Digest"));
            }
        }
    }

    [Fact]
    public void Write_HttpBlocks_HeadersAgreeWithUriAndPayload()
    {
        foreach (var record in GeneratedSample.Default.Records.Where(r => r.Type is "request" or "response"))
        {
            var block = record.Block.AsSpan();
            var end = block.IndexOf("\r\n\r\n"u8);
            var head = Encoding.ASCII.GetString(block[..end]).Split("\r\n");
            if (record.Type == "request")
            {
                Assert.Matches("^GET /[^ #]* HTTP/1.1$", head[0]);
                Assert.Equal(end + 4, block.Length);
                Assert.StartsWith("Host: ", head[1], StringComparison.Ordinal);
                var hostHeader = head[1]["Host: ".Length..];
                var hostOnly = hostHeader.StartsWith('[') ? hostHeader[..(hostHeader.IndexOf(']') + 1)] : hostHeader.Split(':')[0];
                Assert.Contains("//" + hostOnly, record.Header("WARC-Target-URI")!.Replace("@", "//", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                Assert.Matches("^HTTP/1.1 (200 OK|301 Moved Permanently|302 Found|404 Not Found|503 Service Unavailable)$", head[0]);
                var declared = head.Single(h => h.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..];
                Assert.Equal(block.Length - end - 4, int.Parse(declared, CultureInfo.InvariantCulture));
                Assert.StartsWith("<!DOCTYPE html>", Encoding.ASCII.GetString(block[(end + 4)..]), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Write_Metadata_FetchTimeFirst()
    {
        foreach (var record in GeneratedSample.Default.Records.Where(r => r.Type == "metadata"))
        {
            Assert.Matches(@"^fetchTimeMs: \d+\r\n", Encoding.ASCII.GetString(record.Block));
            Assert.EndsWith("\r\n", Encoding.ASCII.GetString(record.Block), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_PayloadSizes_HeavyTailedUpToAbout200Kb()
    {
        var sizes = GeneratedSample.Default.Responses
            .Where(r => Encoding.ASCII.GetString(r.Block, 0, 16) == "HTTP/1.1 200 OK\r")
            .Select(r => r.Block.Length - r.Block.AsSpan().IndexOf("\r\n\r\n"u8) - 4)
            .Order()
            .ToList();

        Assert.True(sizes.Count > 150, $"most pages are 200 OK, got {sizes.Count}");
        var median = sizes[sizes.Count / 2];
        Assert.InRange(sizes[0], 1024, 8 * 1024);
        Assert.InRange(median, 16 * 1024, 64 * 1024);
        Assert.InRange(sizes[^1], 100 * 1024, 220 * 1024); // the last block may overshoot the 200 KB target a little
        Assert.True(sizes[^1] > 4 * median, "the size distribution has a long tail");
    }

    [Fact]
    public void Write_OptimalCompression_RatioLikeRealCrawls()
    {
        var sample = GeneratedSample.Default;

        var ratio = (double)sample.Uncompressed.Length / sample.Compressed.Length;

        Assert.InRange(ratio, 3.5, 6.5);
    }

    [Fact]
    public void WriteFile_FileNameGoesIntoWarcinfoAndNoTemporaryFileRemains()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("CC-MAIN-test.warc.gz");

        var summary = SampleArchiveGenerator.WriteFile(path, new SampleOptions { Pages = 3 });

        Assert.Equal([path], Directory.GetFiles(dir.Path));
        Assert.Equal(new FileInfo(path).Length, summary.CompressedBytes);
        var records = SampleArchiveParser.ParseRecords(SampleArchiveParser.Decompress(File.ReadAllBytes(path)));
        Assert.Equal("CC-MAIN-test.warc.gz", records[0].Header("WARC-Filename"));
        Assert.Equal(10, records.Count);
    }

    [Fact]
    public void WriteFile_Cancelled_ThrowsAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SampleArchiveGenerator.WriteFile(dir.Combine("x.warc.gz"), new SampleOptions { Pages = 100 }, cancelled.Token));

        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData(-1, 10, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 10, -1)]
    public void Validate_OutOfRange_ThrowsNamingTheOption(int pages, int hosts, int parallelism)
    {
        var options = new SampleOptions { Pages = pages, Hosts = hosts, Parallelism = parallelism };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleArchiveGenerator.Write(new MemoryStream(), options));

        Assert.Contains(e.ParamName!, new[] { "Pages", "Hosts", "Parallelism" });
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var d = SampleOptions.Default;

        Assert.Equal((1000, 200, 1L, System.IO.Compression.CompressionLevel.Optimal, 0, (string?)null),
            (d.Pages, d.Hosts, d.Seed, d.Compression, d.Parallelism, d.FileName));
    }

    /// <summary>RFC 4648 base32 written the slow, obvious way (a bit string cut into fives).</summary>
    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var sb = new StringBuilder();
        for (var i = 0; i < bits.Length; i += 5)
        {
            sb.Append(Alphabet[Convert.ToInt32(bits.Substring(i, Math.Min(5, bits.Length - i)).PadRight(5, '0'), 2)]);
        }

        return sb.ToString();
    }
}
