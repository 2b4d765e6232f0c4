using System.Text;
using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

/// <summary>TrustContentLength = false: records found by their shape, for text re-lined by Hadoop's TextInputFormat.</summary>
public class ShapeModeTests
{
    private static readonly WarcReaderOptions ShapeMode = new() { TrustContentLength = false };

    /// <summary>What TextInputFormat + a streaming mapper see: every CR LF and every lone CR became LF.</summary>
    private static byte[] Reline(byte[] bytes)
    {
        var output = new List<byte>(bytes.Length);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r')
            {
                output.Add((byte)'\n');
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                output.Add(bytes[i]);
            }
        }

        return output.ToArray();
    }

    private static byte[] ArchiveWithAwkwardPayloads(out List<WrittenRecord> written)
    {
        var random = new Random(8);
        var (text, textWritten) = BuildArchive(30, seed: 30, maxBody: 2000);
        var parts = textWritten
            .Select(w => (w.Type, w.TargetUri, (text[(int)w.Offset..(int)w.End], (int)(w.BlockEnd - w.Offset))))
            .ToList();
        parts.Add(("response", "http://lone-cr.example/", Layout("response", "http://lone-cr.example/", Ascii("HTTP/1.1 200 OK\rX: y\r\r\nbody\rmore\r"))));
        parts.Add(("resource", "http://binary.example/", Layout("resource", "http://binary.example/", RandomBytes(random, 5000))));
        parts.Add(("request", "http://no-body-end.example/", Layout("request", "http://no-body-end.example/", Ascii("GET / HTTP/1.1\r\n\r\n"))));
        parts.Add(("metadata", "http://empty.example/", Layout("metadata", "http://empty.example/", [])));
        parts.Add(("response", "http://last.example/", Layout("response", "http://last.example/", HttpResponse("last"))));
        var (bytes, all) = Archive(parts);
        written = all;
        return bytes;
    }

    [Fact]
    public void TryRead_ShapeModeOnANormalArchive_FindsTheSameRecordsAsTrustedMode()
    {
        var bytes = ArchiveWithAwkwardPayloads(out var written);

        var trusted = Read.Records(bytes);
        var shape = Read.Records(bytes, ShapeMode);

        Assert.Empty(trusted.Warnings);
        Assert.Empty(shape.Warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(trusted.Records));
        Assert.Equal(Read.TypesAndUris(trusted.Records), Read.TypesAndUris(shape.Records));
        Assert.Equal(trusted.Records.Select(r => r.Offset), shape.Records.Select(r => r.Offset));
        Assert.Equal(trusted.Records.Select(r => r.ContentLength), shape.Records.Select(r => r.ContentLength));
    }

    [Fact]
    public void TryRead_ShapeModeOnHadoopRelinedText_FindsTheSameTypesAndTargets()
    {
        var bytes = ArchiveWithAwkwardPayloads(out var written);
        var relined = Reline(bytes);
        Assert.DoesNotContain((byte)'\r', relined);

        var (records, warnings) = Read.Records(relined, ShapeMode);

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
    }

    [Fact]
    public void TryRead_TrustedModeOnRelinedText_LosesSync_WhichIsWhyShapeModeExists()
    {
        var bytes = ArchiveWithAwkwardPayloads(out _);

        var (_, warnings) = Read.Records(Reline(bytes));

        Assert.Contains(warnings, w => w.Kind == WarcWarningKinds.ContentLengthMismatch);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1 << 20)]
    public void TryRead_ShapeMode_SameRecordsForAnyChunking(int bufferSize)
    {
        var relined = Reline(ArchiveWithAwkwardPayloads(out var written));
        var options = ShapeMode with { BufferSize = bufferSize };

        foreach (var chunks in new[] { new[] { 1 }, [7], [4093] })
        {
            var (records, warnings) = Read.Records(new ChunkedStream(relined, chunks), options);

            Assert.Empty(warnings);
            Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        }
    }

    [Fact]
    public void TryRead_ShapeMode_VersionLineInsidePayload_CountsOnlyAfterAnEmptyLine()
    {
        var payload = Ascii("line one\nWARC/1.0 is mentioned here\nWARC/1.0\nnot a record either\n");
        byte[] bytes =
        [
            .. Record("resource", "http://a.example/", payload, eol: "\n"),
            .. Record("response", "http://b.example/", HttpResponse("b"), eol: "\n"),
        ];

        var (records, warnings) = Read.Records(bytes, ShapeMode);

        Assert.Empty(warnings);
        Assert.Equal(["http://a.example/", "http://b.example/"], records.Select(r => r.TargetUri));
    }

    [Fact]
    public void TryRead_ShapeMode_MissingOrWrongContentLength_IsNotAProblem()
    {
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a"), omitLength: true),
            .. Record("response", "http://b.example/", HttpResponse("b"), contentLength: 3),
            .. Record("response", "http://c.example/", HttpResponse("c"), extraHeaders: ["Content-Length: lots"], omitLength: true),
        ];

        var (records, warnings) = Read.Records(bytes, ShapeMode);

        Assert.Empty(warnings);
        Assert.Equal(["http://a.example/", "http://b.example/", "http://c.example/"], records.Select(r => r.TargetUri));
        Assert.Equal([0L, 3L, 0L], records.Select(r => r.ContentLength));
    }

    [Fact]
    public void TryRead_ShapeMode_GarbageAtTheStart_WarnsAndFindsTheFirstRecord()
    {
        var garbage = Ascii("some junk\nWARC/1.0 but not after an empty line\n\n");
        byte[] bytes = [.. garbage, .. Record("response", "http://a.example/", HttpResponse("a"), eol: "\n")];

        var (records, warnings) = Read.Records(bytes, ShapeMode);

        Assert.Equal(garbage.Length, Assert.Single(records).Offset);
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.BadVersionLine, warning.Kind);
        Assert.Contains($"skipped {garbage.Length} bytes", warning.Message);
    }

    [Fact]
    public void TryRead_ShapeMode_HeaderCutByTheEnd_IsTruncation()
    {
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a"), eol: "\n"),
            .. Encoding.ASCII.GetBytes("WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://cut.example/\n"),
        ];

        var (records, warnings) = Read.Records(bytes, ShapeMode);

        Assert.Equal("http://a.example/", Assert.Single(records).TargetUri);
        Assert.Equal(WarcWarningKinds.Truncated, Assert.Single(warnings).Kind);
    }
}
