using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

public class WarcReaderTests
{
    [Fact]
    public void TryRead_SampleArchive_ReturnsEveryRecordWithItsOffsetTypeAndTarget()
    {
        var (bytes, written) = BuildArchive(40);

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
        Assert.Equal(written.Select(w => w.Offset), records.Select(r => r.Offset));
        Assert.All(records, r => Assert.Equal("1.0", r.Version));
    }

    [Fact]
    public void TryRead_Record_ExposesContentLengthHeaderBlockAndPosition()
    {
        var body = Ascii("0123456789");
        var bytes = Record("resource", "http://a.example/", body, extraHeaders: ["X-Extra: yes"]);
        using var reader = new WarcReader(new MemoryStream(bytes), "one.warc");

        Assert.True(reader.TryRead(out var record));

        Assert.Equal("one.warc", record.Source);
        Assert.Equal(0, record.Offset);
        Assert.Equal(10, record.ContentLength);
        var block = Read.Text(record.HeaderBlock);
        Assert.StartsWith("WARC-Type: resource\r\n", block);
        Assert.EndsWith("X-Extra: yes\r\nContent-Length: 10\r\n", block);
        Assert.True(record.TryGetHeader("x-extra"u8, out var extra));
        Assert.Equal("yes", Read.Text(extra));
        Assert.False(reader.TryRead(out _));
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Theory]
    [InlineData("WARC/1.0", "1.0")]
    [InlineData("WARC/1.1", "1.1")]
    [InlineData("WARC/0.17", "0.17")]
    [InlineData("WARC/0.18", "0.18")]
    [InlineData("warc/1.0", "1.0")]
    [InlineData("Warc/10.25", "10.25")]
    [InlineData("WARC/1.0 ", "1.0")]
    public void TryRead_VersionLine_AcceptsAnyDigitsDotDigitsInAnyCase(string line, string expected)
    {
        var bytes = Record("response", "http://v.example/", HttpResponse("v.example"), version: line);

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(expected, Assert.Single(records).Version);
    }

    [Theory]
    [InlineData("WARC/1")]
    [InlineData("WARC/1.")]
    [InlineData("WARC/.1")]
    [InlineData("WARC/1.0x")]
    [InlineData("WARCX/1.0")]
    [InlineData("HTTP/1.1")]
    public void TryRead_BadVersionLine_WarnsAndSkipsToTheNextRecord(string line)
    {
        var bad = Record("response", "http://bad.example/", HttpResponse("bad.example"), version: line);
        var good = Record("response", "http://good.example/", HttpResponse("good.example"));

        var (records, warnings) = Read.Records([.. bad, .. good]);

        Assert.Equal("http://good.example/", Assert.Single(records).TargetUri);
        var warning = Assert.Single(warnings);
        Assert.Equal(WarcWarningKinds.BadVersionLine, warning.Kind);
        Assert.Equal(0, warning.Offset);
        Assert.Contains($"skipped {bad.Length} bytes", warning.Message);
    }

    [Fact]
    public void TryRead_LfOnlyArchive_ReadsEveryRecord()
    {
        var (bytes, written) = BuildArchive(25, seed: 7, eol: "\n");
        Assert.DoesNotContain((byte)'\r', bytes);

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(Read.TypesAndUris(written), Read.TypesAndUris(records));
    }

    [Fact]
    public void TryRead_MixedLineEndsAndTrailers_AreTolerated()
    {
        byte[] bytes =
        [
            .. Record("response", "http://a.example/", HttpResponse("a.example"), trailer: "\n\n"),
            .. Record("response", "http://b.example/", HttpResponse("b.example"), trailer: "\r\n\n\r\n\r\n"),
            .. Record("response", "http://c.example/", HttpResponse("c.example"), eol: "\n", trailer: "\r\n"),
            .. Record("response", "http://d.example/", HttpResponse("d.example"), trailer: string.Empty),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(["http://a.example/", "http://b.example/", "http://c.example/", "http://d.example/"], records.Select(r => r.TargetUri));
    }

    [Fact]
    public void TryRead_HeaderNamesInAnyCase_AreFound()
    {
        byte[] bytes =
        [
            .. Record("response", "http://lower.example/", HttpResponse("x"), typeName: "warc-type", uriName: "warc-target-uri", lengthName: "content-length"),
            .. Record("response", "http://upper.example/", HttpResponse("x"), typeName: "WARC-TYPE", uriName: "WARC-TARGET-URI", lengthName: "CONTENT-LENGTH"),
            .. Record("request", "http://mixed.example/", HttpResponse("x"), typeName: "Warc-Type", uriName: "Warc-Target-Uri", lengthName: "Content-length"),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(
            [("response", "http://lower.example/"), ("response", "http://upper.example/"), ("request", "http://mixed.example/")],
            Read.TypesAndUris(records));
    }

    [Theory]
    [InlineData("<http://www.example.com/>", "http://www.example.com/")]
    [InlineData("  <http://www.example.com/>  ", "http://www.example.com/")]
    [InlineData("\thttp://plain.example/x\t", "http://plain.example/x")]
    [InlineData("<dns:example.com>", "dns:example.com")]
    [InlineData("<<http://double.example/>>", "<http://double.example/>")]
    [InlineData("<http://open.example/", "<http://open.example/")]
    public void TryGetTargetUri_TrimsAndRemovesOneSurroundingAngleBracketPair(string value, string expected)
    {
        var bytes = Record("response", value, HttpResponse("x"));

        var (records, _) = Read.Records(bytes);

        Assert.Equal(expected, Assert.Single(records).TargetUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<>")]
    public void TryGetTargetUri_MissingOrEmpty_ReturnsFalse(string? value)
    {
        var bytes = Record("warcinfo", value, Ascii("software: x\r\n"));

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        var record = Assert.Single(records);
        Assert.Null(record.TargetUri);
        Assert.Equal("warcinfo", record.Type);
    }

    [Fact]
    public void TryRead_RecordWithoutType_HasEmptyType()
    {
        var bytes = Record(null, "http://no-type.example/", Ascii("x"));

        var (records, _) = Read.Records(bytes);

        Assert.Equal(string.Empty, Assert.Single(records).Type);
    }

    [Fact]
    public void TryRead_ContinuationLines_JoinTheValueWithOneSpace()
    {
        byte[] bytes =
        [
            .. Record("response", "\r\n http://folded.example/a", HttpResponse("x")),
            .. Record("response", "http://after-fold.example/", HttpResponse("x"), extraHeaders: ["X-Folded: first", "\tsecond", "  third"]),
            .. Record("response", "http://split.example\r\n /path", HttpResponse("x")),
            .. Record(null, "http://folded-type.example/", HttpResponse("x"), extraHeaders: ["WARC-Type:", " response"]),
            .. Record("metadata", "http://lf.example/\n\t \tcontinued", HttpResponse("x"), eol: "\n"),
        ];
        using var reader = new WarcReader(new MemoryStream(bytes), "fold.warc");
        var uris = new List<string?>();
        var types = new List<string>();
        string? folded = null;
        while (reader.TryRead(out var record))
        {
            uris.Add(record.TryGetTargetUri(out var uri) ? Read.Text(uri) : null);
            types.Add(Read.Text(record.Type));
            if (record.TryGetHeader("X-Folded"u8, out var value))
            {
                folded = Read.Text(value);
            }
        }

        Assert.Equal(
            ["http://folded.example/a", "http://after-fold.example/", "http://split.example /path", "http://folded-type.example/", "http://lf.example/ continued"],
            uris);
        Assert.Equal(["response", "response", "response", "response", "metadata"], types);
        Assert.Equal("first second third", folded);
    }

    [Fact]
    public void TryGetHeader_SeveralJoinedValues_StayValidTogether()
    {
        var block = Ascii("A: one\r\n two\r\nB: three\r\n\tfour\r\nC: plain\r\n");
        var record = new WarcRecord("x", 0, Ascii("1.0"), 0, block);

        Assert.True(record.TryGetHeader("a"u8, out var a));
        Assert.True(record.TryGetHeader("B"u8, out var b));
        Assert.True(record.TryGetHeader("c"u8, out var c));
        Assert.False(record.TryGetHeader("D"u8, out _));
        Assert.False(record.TryGetHeader("one"u8, out _));

        Assert.Equal("one two", Read.Text(a));
        Assert.Equal("three four", Read.Text(b));
        Assert.Equal("plain", Read.Text(c));
    }

    [Fact]
    public void TryGetHeader_FirstOfRepeatedHeadersAndSpaceBeforeColon()
    {
        var block = Ascii("WARC-Type : first\r\nWARC-Type: second\r\nWARC-Typo: x\r\nNoColonLine\r\n");
        var record = new WarcRecord("x", 0, Ascii("1.0"), 0, block);

        Assert.Equal("first", Read.Text(record.Type));
        Assert.False(record.TryGetHeader("NoColonLine"u8, out _));
    }

    [Fact]
    public void TryRead_ReaderOwnedScratch_JoinedValueValidUntilNextRead()
    {
        byte[] bytes =
        [
            .. Record("response", "http://first.example/\r\n a", HttpResponse("x")),
            .. Record("response", "http://second.example/\r\n b", HttpResponse("x")),
        ];
        using var reader = new WarcReader(new MemoryStream(bytes), "s.warc");

        Assert.True(reader.TryRead(out var first));
        Assert.True(first.TryGetTargetUri(out var uri1));
        Assert.True(first.TryGetHeader("WARC-Target-URI"u8, out var uri1Again));
        Assert.Equal("http://first.example/ a", Read.Text(uri1));
        Assert.Equal("http://first.example/ a", Read.Text(uri1Again));
        Assert.True(reader.TryRead(out var second));
        Assert.True(second.TryGetTargetUri(out var uri2));
        Assert.Equal("http://second.example/ b", Read.Text(uri2));
    }

    [Fact]
    public void TryRead_EmptyStream_ReturnsFalseWithoutWarnings()
    {
        var (records, warnings) = Read.Records([]);

        Assert.Empty(records);
        Assert.Empty(warnings);
    }

    [Fact]
    public void TryRead_BlankLinesBetweenRecords_AreSkippedSilently()
    {
        byte[] bytes =
        [
            .. Ascii("\r\n\n"),
            .. Record("response", "http://a.example/", HttpResponse("a")),
            .. Ascii("\r\n\r\n\n\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"),
            .. Record("response", "http://b.example/", HttpResponse("b")),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(2, records.Count);
        Assert.Equal(3, records[0].Offset);
    }

    [Fact]
    public void TryRead_ZeroLengthBlocks_AreRecords()
    {
        byte[] bytes =
        [
            .. Record("metadata", "http://a.example/", []),
            .. Record("metadata", "http://b.example/", [], trailer: string.Empty),
            .. Record("metadata", "http://c.example/", []),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(["http://a.example/", "http://b.example/", "http://c.example/"], records.Select(r => r.TargetUri));
        Assert.All(records, r => Assert.Equal(0, r.ContentLength));
    }

    [Fact]
    public void TryRead_PayloadThatLooksLikeARecord_IsSkippedByContentLength()
    {
        var inner = Record("response", "http://inner.example/", HttpResponse("inner"));
        byte[] payload = [.. Ascii("\r\n\r\n"), .. inner, .. inner];
        byte[] bytes =
        [
            .. Record("resource", "http://outer.example/archive.warc", payload),
            .. Record("response", "http://after.example/", HttpResponse("after")),
        ];

        var (records, warnings) = Read.Records(bytes);

        Assert.Empty(warnings);
        Assert.Equal(["http://outer.example/archive.warc", "http://after.example/"], records.Select(r => r.TargetUri));
    }
}
