using System.IO.Compression;

namespace BigData.Warc.Sample;

/// <summary>Compresses every record into its own gzip member, as Common Crawl does, appending to a memory buffer.</summary>
internal sealed class GzipMemberSink : IRecordSink
{
    private readonly CompressionLevel _level;

    public GzipMemberSink(CompressionLevel level) => _level = level;

    /// <summary>The compressed members written since the last <see cref="Reset"/>.</summary>
    public MemoryStream Output { get; } = new();

    public long Records { get; private set; }

    public long UncompressedBytes { get; private set; }

    /// <summary>Empties <see cref="Output"/> (keeping its capacity) and the counts.</summary>
    public void Reset()
    {
        Output.SetLength(0);
        Records = 0;
        UncompressedBytes = 0;
    }

    public void WriteRecord(ReadOnlySpan<byte> header, ReadOnlySpan<byte> block1, ReadOnlySpan<byte> block2)
    {
        using (var gzip = new GZipStream(Output, _level, leaveOpen: true))
        {
            gzip.Write(header);
            gzip.Write(block1);
            gzip.Write(block2);
            gzip.Write("\r\n\r\n"u8);
        }

        Records++;
        UncompressedBytes += header.Length + block1.Length + block2.Length + 4;
    }
}
