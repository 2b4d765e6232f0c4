using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

public class GzipDamageTests
{
    private static (byte[] Gzip, List<WrittenRecord> Written, List<int> MemberEnds) PerRecord(int count = 10, int seed = 21)
    {
        var (bytes, written) = BuildArchive(count, seed);
        var members = written.Select(r => Gzip(bytes[(int)r.Offset..(int)r.End])).ToList();
        var ends = new List<int>();
        int total = 0;
        foreach (var member in members)
        {
            total += member.Length;
            ends.Add(total);
        }

        return (members.SelectMany(m => m).ToArray(), written, ends);
    }

    [Fact]
    public void TryRead_GzipCutInsideAMember_KeepsEveryCompleteRecordAndWarnsTruncatedGzip()
    {
        var (gzip, written, ends) = PerRecord();
        int cut = ends[6] + ((ends[7] - ends[6]) / 2);

        var (records, warnings) = Read.Archive(gzip[..cut], source: "cut.warc.gz");

        Assert.Equal(Read.TypesAndUris(written.Take(7)), Read.TypesAndUris(records));
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.TruncatedGzip, warning.Kind);
        Assert.Equal("cut.warc.gz", warning.Source);
        // The offset is where decoding stopped: inside the eighth record.
        Assert.InRange(warning.Offset, written[7].Offset, written[7].End - 1);
    }

    [Fact]
    public void TryRead_GzipCutOnAMemberBoundary_IsACleanEnd()
    {
        var (gzip, written, ends) = PerRecord();

        var (records, warnings) = Read.Archive(gzip[..ends[4]]);

        Assert.Equal(Read.TypesAndUris(written.Take(5)), Read.TypesAndUris(records));
        Assert.Empty(warnings);
    }

    [Fact]
    public void TryRead_SingleMemberGzipCut_KeepsTheCompleteRecordsBeforeTheCut()
    {
        var (bytes, written) = BuildArchive(60, seed: 4);
        var gzip = Gzip(bytes);

        var (records, warnings) = Read.Archive(gzip[..(gzip.Length * 2 / 3)]);

        Assert.NotEmpty(records);
        Assert.True(records.Count < written.Count);
        Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
        Assert.Equal(WarcWarningKinds.TruncatedGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_CorruptDeflateData_WarnsCorruptGzipAndKeepsTheRecordsBefore()
    {
        var (gzip, written, ends) = PerRecord();
        var damaged = (byte[])gzip.Clone();
        int at = ends[5] + ((ends[6] - ends[5]) / 2);
        for (int i = at; i < at + 8; i++)
        {
            damaged[i] ^= 0x5A;
        }

        var (records, warnings) = Read.Archive(damaged);

        Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
        Assert.InRange(records.Count, 5, 6);
        Assert.Equal(WarcWarningKinds.CorruptGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_DamagedChecksum_IsCorrupt()
    {
        var (gzip, written, ends) = PerRecord();
        var damaged = (byte[])gzip.Clone();
        damaged[ends[3] - 6] ^= 0xFF; // inside the CRC32 of the fourth member

        var (records, warnings) = Read.Archive(damaged);

        Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
        Assert.True(records.Count <= 4);
        Assert.Equal(WarcWarningKinds.CorruptGzip, Assert.Single(warnings).Kind);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'j', (byte)'u', (byte)'n', (byte)'k', (byte)' ', (byte)'a', (byte)'f', (byte)'t', (byte)'e', (byte)'r' })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void TryRead_NonGzipBytesAfterTheLastMember_KeepsEverythingAndWarnsCorruptGzip(byte[] trailing)
    {
        var (gzip, written, _) = PerRecord();

        var (records, warnings) = Read.Archive([.. gzip, .. trailing]);

        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        Assert.Equal(WarcWarningKinds.CorruptGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_CorruptMagicOfALaterMember_IsReportedNotSilentlyIgnored()
    {
        var (gzip, written, ends) = PerRecord();
        var damaged = (byte[])gzip.Clone();
        damaged[ends[2]] = 0x00;

        var (records, warnings) = Read.Archive(damaged);

        Assert.Equal(Read.TypesAndUris(written.Take(3)), Read.TypesAndUris(records));
        Assert.Equal(WarcWarningKinds.CorruptGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void TryRead_StrictMode_TruncatedGzip_ThrowsAfterTheCompleteRecords()
    {
        var (gzip, _, ends) = PerRecord();
        using var stream = ArchiveDecoder.Open(new MemoryStream(gzip[..(ends[2] + 10)]), "strict.warc.gz");
        using var reader = new WarcReader(stream, "strict.warc.gz", new WarcReaderOptions { Strict = true });
        int returned = 0;

        var error = Assert.Throws<CompressedDataException>(() =>
        {
            while (reader.TryRead(out _))
            {
                returned++;
            }
        });

        Assert.Equal(3, returned);
        Assert.Equal(WarcWarningKinds.TruncatedGzip, error.Kind);
        Assert.Equal("strict.warc.gz", error.Source);
        Assert.StartsWith("strict.warc.gz at byte ", error.Message);
    }

    [Fact]
    public void Open_GzipCutInsideTheFirstMemberHeader_IsTruncatedNotForeign()
    {
        var (gzip, _, _) = PerRecord();

        var (records, warnings) = Read.Archive(gzip[..6]);

        Assert.Empty(records);
        Assert.Equal(WarcWarningKinds.TruncatedGzip, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void DecodedStream_ThrowsCompressedDataExceptionOnlyAfterDeliveringTheBytesBeforeTheDamage()
    {
        var (bytes, _) = BuildArchive(5, seed: 2);
        var gzip = Gzip(bytes);
        using var stream = ArchiveDecoder.Open(new MemoryStream(gzip[..(gzip.Length - 4)]), "x");
        var output = new MemoryStream();
        var buffer = new byte[100];

        var error = Assert.Throws<CompressedDataException>(() =>
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }
        });

        // Only the gzip trailer is missing: every byte of data was delivered before the error.
        Assert.Equal(bytes, output.ToArray());
        Assert.Equal(bytes.Length, error.Offset);
        Assert.Equal(0, stream.Read(buffer));
    }

    [Fact]
    public void TryRead_RawGZipStreamThrowingInvalidData_BecomesACorruptGzipWarning()
    {
        // A reader given the framework's stream directly (not through ArchiveDecoder) still turns its errors into warnings.
        var (bytes, written) = BuildArchive(8, seed: 8);
        var gzip = GzipPerRecord(bytes, written);
        gzip[gzip.Length / 2] ^= 0xFF;
        gzip[(gzip.Length / 2) + 1] ^= 0xFF;
        using var stream = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);

        var (records, warnings) = Read.Records(stream);

        Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
        Assert.Equal(WarcWarningKinds.CorruptGzip, Assert.Single(warnings).Kind);
    }
}
