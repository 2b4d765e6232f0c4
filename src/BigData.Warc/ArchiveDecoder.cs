using System.Buffers;
using System.Text;
using BigData.Warc.Decoding;

namespace BigData.Warc;

/// <summary>Turns the raw bytes of a file into the uncompressed WARC stream, deciding by magic bytes.</summary>
public static partial class ArchiveDecoder
{
    /// <summary>How many decoded bytes are sniffed to decide whether the input is a WARC archive.</summary>
    internal const int HeadBytes = 512;

    /// <summary>
    /// Wraps <paramref name="raw"/>: gzip (magic 1F 8B, one member per record or one for the file) is decompressed,
    /// anything else is read as is. Checks the first bytes: input that is not a WARC archive (HTML, XML, empty,
    /// binary) throws <see cref="NotAnArchiveException"/> naming what it looks like.
    /// </summary>
    /// <remarks>
    /// Never seeks: the sniffed bytes are replayed. The returned stream owns <paramref name="raw"/> (disposing it
    /// disposes <paramref name="raw"/>; so does a failing <c>Open</c>). Damaged gzip data (cut inside a member, corrupt deflate data or checksum,
    /// non-gzip bytes after a member) surfaces from its <c>Read</c> as <see cref="CompressedDataException"/>, after
    /// every byte decoded before the damage; <see cref="WarcReader"/> and <see cref="LineReader"/> handle it.
    /// </remarks>
    public static Stream Open(Stream raw, string source)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(source);

        var magic = new byte[2];
        int magicLength;
        try
        {
            magicLength = raw.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }
        catch
        {
            raw.Dispose();
            throw;
        }

        bool gzip = magicLength == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        Stream rawReplay = new PeekedStream(raw, magic, magicLength);
        Stream decoded = gzip ? new CheckedGzipStream(rawReplay, source) : rawReplay;

        byte[] head = ArrayPool<byte>.Shared.Rent(HeadBytes);
        int headLength = 0;
        CompressedDataException? damage = null;
        try
        {
            while (headLength < HeadBytes)
            {
                int n = decoded.Read(head.AsSpan(headLength, HeadBytes - headLength));
                if (n == 0)
                {
                    break;
                }

                headLength += n;
            }
        }
        catch (CompressedDataException e)
        {
            damage = e;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(head);
            decoded.Dispose();
            throw;
        }

        var sniffed = head.AsSpan(0, headLength);
        if (!StartsLikeWarc(sniffed, damaged: damage != null))
        {
            string description = Describe(sniffed, gzip);
            ArrayPool<byte>.Shared.Return(head);
            decoded.Dispose();
            throw new NotAnArchiveException(source, description);
        }

        return new PeekedStream(decoded, head, headLength, damage, pooledHead: true);
    }

    /// <summary>
    /// A WARC starts with <c>WARC/</c> (any ASCII case). Damaged gzip data that ends before those five bytes is let
    /// through so that the readers report the damage itself (a truncated archive, not a foreign file).
    /// </summary>
    private static bool StartsLikeWarc(ReadOnlySpan<byte> head, bool damaged)
    {
        var prefix = "warc/"u8;
        int n = Math.Min(head.Length, prefix.Length);
        if (!Ascii.EqualsIgnoreCase(head[..n], prefix[..n]))
        {
            return false;
        }

        return n == prefix.Length || damaged;
    }
}
