using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

/// <summary>Results must not depend on how the stream chunks its reads, nor (for valid input) on the window size.</summary>
public class ChunkingTests
{
    public static TheoryData<int[], int> Readings => new()
    {
        { [1], 64 },
        { [1], 1 << 20 },
        { [7], 100 },
        { [7], 1 << 20 },
        { [4093], 64 },
        { [4093], 1 << 20 },
        { [3, 1, 4093, 2, 17], 100 },
        { [], 64 },
        { [], 100 },
        { [], 4096 },
    };

    private static byte[] MixedArchive(out List<WrittenRecord> written)
    {
        var random = new Random(17);
        var parts = new List<(string?, string?, (byte[], int))>();
        var (text, textWritten) = BuildArchive(25, seed: 12, maxBody: 3000);
        for (int i = 0; i < 25; i++)
        {
            var bytes = text[(int)textWritten[i].Offset..(int)textWritten[i].End];
            parts.Add((textWritten[i].Type, textWritten[i].TargetUri, (bytes, (int)(textWritten[i].BlockEnd - textWritten[i].Offset))));
            var binary = RandomBytes(random, random.Next(0, 9000));
            parts.Add(("resource", $"<http://bin{i}.example/blob>", Layout("resource", $"<http://bin{i}.example/blob>", binary)));
        }

        parts.Add(("response", "http://fold.example/ x", Layout("response", "http://fold.example/\r\n\tx", HttpResponse("fold"))));
        parts.Add(("response", "http://lf.example/", Layout("response", "http://lf.example/", HttpResponse("lf", eol: "\n"), eol: "\n")));
        parts.Add(("response", "http://big.example/", Layout("response", "http://big.example/", RandomBytes(random, 300_000))));
        var (bytes2, all) = Archive(parts);
        written = all;
        return bytes2;
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public void TryRead_ValidArchive_SameRecordsForAnyChunkingAndWindow(int[] chunks, int bufferSize)
    {
        var bytes = MixedArchive(out var written);

        var (records, warnings) = Read.Records(new ChunkedStream(bytes, chunks), new WarcReaderOptions { BufferSize = bufferSize });

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        Assert.Equal(written.Select(w => w.Offset), records.Select(r => r.Offset));
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public void TryRead_GzipArchive_SameRecordsForAnyChunkingAndWindow(int[] chunks, int bufferSize)
    {
        var bytes = MixedArchive(out var written);
        var gzip = GzipPerRecord(bytes, written);

        using var stream = ArchiveDecoder.Open(new ChunkedStream(gzip, chunks), "chunked.warc.gz");
        var (records, warnings) = Read.Records(stream, new WarcReaderOptions { BufferSize = bufferSize });

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(1 << 20)]
    public void TryRead_DamagedArchive_SameResultsForAnyChunkingWithTheSameWindow(int bufferSize)
    {
        var bytes = MixedArchive(out var written);
        var damaged = new List<byte>(bytes);
        damaged.RemoveRange((int)written[5].Offset + 200, 50);          // a block too short for its length
        damaged.InsertRange((int)written[9].Offset, Ascii("junk\r\n")); // garbage before a record
        var input = damaged.ToArray();
        var options = new WarcReaderOptions { BufferSize = bufferSize };

        var reference = Read.Records(new MemoryStream(input), options);
        foreach (var chunks in new[] { new[] { 1 }, [7], [4093], [2, 3, 5, 7, 11, 13] })
        {
            var chunked = Read.Records(new ChunkedStream(input, chunks), options);

            Assert.Equal(reference.Records, chunked.Records);
            Assert.Equal(reference.Warnings, chunked.Warnings);
        }

        Assert.NotEmpty(reference.Warnings);
    }

    [Fact]
    public void TryRead_HeaderLargerThanTheWindow_GrowsTheWindow()
    {
        var manyHeaders = Enumerable.Range(0, 40).Select(i => $"X-Header-{i}: value {i}").ToArray();
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a"), extraHeaders: manyHeaders),
            .. Record("response", "http://b.example/", HttpResponse("b")),
        ];

        var (records, warnings) = Read.Records(new ChunkedStream(bytes, 5), new WarcReaderOptions { BufferSize = 64 });

        Assert.Empty(warnings);
        Assert.Equal(["http://a.example/", "http://b.example/"], records.Select(r => r.TargetUri));
        Assert.Contains("X-Header-39: value 39", records[0].HeaderBlock);
    }

    [Fact]
    public void TryRead_BlockLargerThanTheWindow_IsStreamedAndTheHeaderStaysValid()
    {
        var random = new Random(3);
        var big = RandomBytes(random, 5_000_000);
        byte[] bytes =
        [
            .. Record("resource", "http://big.example/", big, extraHeaders: ["X-Check: kept"]),
            .. Record("response", "http://after.example/", HttpResponse("after")),
        ];
        using var reader = new WarcReader(new MemoryStream(bytes), "big.warc", new WarcReaderOptions { BufferSize = 4096 });

        Assert.True(reader.TryRead(out var record));
        Assert.Equal(5_000_000, record.ContentLength);
        Assert.True(record.TryGetHeader("X-Check"u8, out var check));
        Assert.Equal("kept", Read.Text(check));
        Assert.True(record.TryGetTargetUri(out var uri));
        Assert.Equal("http://big.example/", Read.Text(uri));
        Assert.True(reader.TryRead(out var after));
        Assert.True(after.TryGetTargetUri(out var afterUri));
        Assert.Equal("http://after.example/", Read.Text(afterUri));
        Assert.False(reader.TryRead(out _));
        Assert.Equal(bytes.Length, reader.Position);
    }
}
