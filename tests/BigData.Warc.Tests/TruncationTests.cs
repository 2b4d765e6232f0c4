using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

/// <summary>An archive cut at every byte offset: no crash, no hang, and exactly the complete records.</summary>
public class TruncationTests
{
    private static (byte[] Bytes, List<WrittenRecord> Written) SmallArchive()
    {
        var random = new Random(5);
        var parts = new List<(string?, string?, (byte[], int))>
        {
            ("warcinfo", null, Layout("warcinfo", null, Ascii("software: t\r\n"))),
            ("request", "http://a.example/", Layout("request", "http://a.example/", Ascii("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"))),
            ("response", "http://a.example/", Layout("response", "<http://a.example/>", HttpResponse("a", 150))),
            ("resource", "http://b.example/x", Layout("resource", "http://b.example/x", RandomBytes(random, 120))),
            ("metadata", "http://b.example/x", Layout("metadata", "http://b.example/x", Ascii("via: x\n"), eol: "\n")),
            ("response", "http://c.example/", Layout("response", "http://c.example/", [])),
            ("response", "http://d.example/", Layout("response", "http://d.example/", HttpResponse("d", 90), version: "WARC/1.1")),
        };
        return Archive(parts);
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(64)]
    public void TryRead_PlainArchiveCutAtEveryOffset_ReturnsExactlyTheCompleteRecords(int bufferSize)
    {
        var (bytes, written) = SmallArchive();
        var options = new WarcReaderOptions { BufferSize = bufferSize };

        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var (records, warnings) = Read.Records(bytes[..cut], options);

            var complete = written.Where(w => w.BlockEnd <= cut).ToList();
            Assert.Equal(Read.TypesAndUris(complete), Read.TypesAndUris(records));
            bool insideRecord = written.Any(w => cut > w.Offset && cut < w.BlockEnd);
            if (insideRecord)
            {
                var warning = Assert.Single(warnings);
                Assert.Equal(WarcWarningKinds.Truncated, warning.Kind);
                Assert.Equal(written.First(w => cut > w.Offset && cut < w.BlockEnd).Offset, warning.Offset);
            }
            else
            {
                Assert.Empty(warnings);
            }
        }
    }

    [Fact]
    public void TryRead_GzipPerRecordCutAtEveryOffset_ReturnsAPrefixOfTheRecords()
    {
        var (bytes, written) = SmallArchive();
        var members = written.Select(w => Gzip(bytes[(int)w.Offset..(int)w.End])).ToList();
        var memberEnds = members.Select((m, i) => members.Take(i + 1).Sum(x => x.Length)).ToList();
        var gzip = members.SelectMany(m => m).ToArray();

        for (int cut = 0; cut <= gzip.Length; cut++)
        {
            if (cut < 2)
            {
                // Zero or one byte is not recognisable as gzip at all.
                Assert.Throws<NotAnArchiveException>(() => Read.Archive(gzip[..cut]));
                continue;
            }

            var (records, warnings) = Read.Archive(gzip[..cut]);

            int completeMembers = memberEnds.Count(end => end <= cut);
            Assert.InRange(records.Count, completeMembers, Math.Min(completeMembers + 1, written.Count));
            Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
            if (memberEnds.Contains(cut))
            {
                Assert.Empty(warnings);
            }
            else
            {
                Assert.Equal(WarcWarningKinds.TruncatedGzip, Assert.Single(warnings).Kind);
            }
        }
    }

    [Fact]
    public void TryRead_SingleMemberGzipCutAtEveryOffset_ReturnsAPrefixOfTheRecords()
    {
        var (bytes, written) = SmallArchive();
        var gzip = Gzip(bytes);

        for (int cut = 2; cut <= gzip.Length; cut++)
        {
            var (records, warnings) = Read.Archive(gzip[..cut]);

            Assert.Equal(Read.TypesAndUris(written.Take(records.Count)), Read.TypesAndUris(records));
            if (cut == gzip.Length)
            {
                Assert.Equal(written.Count, records.Count);
                Assert.Empty(warnings);
            }
            else
            {
                Assert.Equal(WarcWarningKinds.TruncatedGzip, Assert.Single(warnings).Kind);
            }
        }
    }
}
