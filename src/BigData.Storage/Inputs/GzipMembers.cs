using System.Buffers.Binary;
using System.IO.Compression;

namespace BigData.Storage.Inputs;

/// <summary>
/// Decompresses a whole gzip file held in memory, member by member, and checks every member's trailer (CRC-32 and
/// length). <see cref="GZipStream"/> alone ends silently at a truncated file, which would drop the rest of a
/// manifest without a word; here truncation or corruption is an error naming the byte offset.
/// </summary>
internal static class GzipMembers
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const int TrailerLength = 8;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>True when <paramref name="data"/> starts with the gzip magic bytes 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B;

    /// <summary>The concatenated content of every member of <paramref name="gzip"/>.</summary>
    public static byte[] Decompress(byte[] gzip, string location)
    {
        using var output = new MemoryStream(gzip.Length * 4);
        var buffer = new byte[1 << 16];
        var position = 0;
        while (position < gzip.Length)
        {
            var member = position;
            var dataStart = SkipHeader(gzip, position, location);
            uint crc = 0xFFFFFFFF;
            long length = 0;
            try
            {
                using var inflate = new DeflateStream(new MemoryStream(gzip, dataStart, gzip.Length - dataStart, writable: false), CompressionMode.Decompress);
                int n;
                while ((n = inflate.Read(buffer)) > 0)
                {
                    crc = Update(crc, buffer.AsSpan(0, n));
                    length += n;
                    output.Write(buffer, 0, n);
                }
            }
            catch (InvalidDataException e)
            {
                throw Broken(location, member, e.Message, e);
            }

            position = FindTrailer(gzip, dataStart, ~crc, (uint)length)
                ?? throw Broken(location, member, "truncated or corrupt (no matching CRC-32/length trailer)");
        }

        return output.ToArray();
    }

    /// <summary>The offset of the member's deflate data, after the fixed header and its optional fields.</summary>
    private static int SkipHeader(byte[] gzip, int position, string location)
    {
        var s = gzip.AsSpan(position);
        if (s.Length < 10 || !IsGzip(s) || s[2] != 8)
        {
            throw Broken(location, position, "not a gzip member header");
        }

        var flags = s[3];
        var p = 10;
        if ((flags & FlagExtra) != 0)
        {
            p = s.Length >= p + 2 ? p + 2 + BinaryPrimitives.ReadUInt16LittleEndian(s[p..]) : int.MaxValue;
        }

        foreach (var flag in new[] { FlagName, FlagComment })
        {
            if ((flags & flag) != 0 && p < s.Length)
            {
                var end = s[p..].IndexOf((byte)0);
                p = end < 0 ? int.MaxValue : p + end + 1;
            }
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            p += 2;
        }

        return p <= s.Length ? position + p : throw Broken(location, position, "header truncated");
    }

    /// <summary>
    /// Where the member ends: the first place after its data holding its CRC-32 and length that is followed by the end
    /// of the file or another member. (DeflateStream reads ahead, so its position cannot tell.)
    /// </summary>
    private static int? FindTrailer(byte[] gzip, int dataStart, uint crc, uint length)
    {
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], length);
        for (var from = dataStart; from < gzip.Length;)
        {
            var found = gzip.AsSpan(from).IndexOf(trailer);
            if (found < 0)
            {
                return null;
            }

            var end = from + found + TrailerLength;
            if (end == gzip.Length || IsGzip(gzip.AsSpan(end)))
            {
                return end;
            }

            from += found + 1;
        }

        return null;
    }

    private static InputException Broken(string location, int offset, string what, Exception? inner = null) =>
        new(location, $"{location}: broken gzip data in the member at byte {offset}: {what}", inner);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
