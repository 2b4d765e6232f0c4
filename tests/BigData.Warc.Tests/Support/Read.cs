using System.Text;

namespace BigData.Warc.Tests.Support;

/// <summary>A record as the tests compare it: copied out of the reader's buffer.</summary>
public sealed record ReadRecord(long Offset, string Version, string Type, string? TargetUri, long ContentLength, string HeaderBlock);

/// <summary>Runs the readers to the end and collects what they returned and warned about.</summary>
public static class Read
{
    public static (List<ReadRecord> Records, List<WarcWarning> Warnings) Records(
        Stream stream,
        WarcReaderOptions? options = null,
        string source = "test.warc")
    {
        var warnings = new List<WarcWarning>();
        var records = new List<ReadRecord>();
        using var reader = new WarcReader(stream, source, options, warnings.Add);
        long lastPosition = reader.Position;
        while (reader.TryRead(out var record))
        {
            records.Add(new ReadRecord(
                record.Offset,
                Text(record.Version),
                Text(record.Type),
                record.TryGetTargetUri(out var uri) ? Text(uri) : null,
                record.ContentLength,
                Text(record.HeaderBlock)));
            Assert.True(reader.Position > lastPosition, "every record moves the reader forward");
            lastPosition = reader.Position;
        }

        Assert.False(reader.TryRead(out _), "the end is sticky");
        return (records, warnings);
    }

    public static (List<ReadRecord> Records, List<WarcWarning> Warnings) Records(byte[] bytes, WarcReaderOptions? options = null) =>
        Records(new MemoryStream(bytes), options);

    /// <summary>Through <see cref="ArchiveDecoder.Open"/> (gzip or plain, by magic bytes).</summary>
    public static (List<ReadRecord> Records, List<WarcWarning> Warnings) Archive(byte[] raw, WarcReaderOptions? options = null, string source = "test.warc.gz") =>
        Records(ArchiveDecoder.Open(new MemoryStream(raw), source), options, source);

    public static (List<string> Lines, List<WarcWarning> Warnings) Lines(Stream stream, int bufferSize = 1 << 20, int maxLineLength = LineReader.DefaultMaxLineLength, bool strict = false)
    {
        var warnings = new List<WarcWarning>();
        var lines = new List<string>();
        using var reader = new LineReader(stream, "test.txt", bufferSize, warnings.Add, strict, maxLineLength);
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Text(line));
        }

        return (lines, warnings);
    }

    /// <summary>(type, target URI) pairs, the shape other components rely on.</summary>
    public static List<(string Type, string? Uri)> TypesAndUris(IEnumerable<ReadRecord> records) =>
        records.Select(r => (r.Type, r.TargetUri)).ToList();

    public static List<(string Type, string? Uri)> TypesAndUris(IEnumerable<WrittenRecord> records) =>
        records.Select(r => (r.Type ?? string.Empty, r.TargetUri)).ToList();

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
