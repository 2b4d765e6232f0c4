using System.Diagnostics;
using System.Globalization;

namespace BigData.Warc.Sample;

internal sealed partial class SamplePageWriter
{
    /// <summary>Characters of a UUID in 8-4-4-4-12 form.</summary>
    public const int UuidLength = 36;

    /// <summary>Writes a random (version 4) UUID, lower-case, into <paramref name="destination"/>.</summary>
    public static void FormatUuid(SampleRandom random, Span<byte> destination)
    {
        Debug.Assert(destination.Length == UuidLength);
        var hi = random.NextUInt64();
        var lo = random.NextUInt64();
        hi = (hi & ~0xF000UL) | 0x4000UL; // version 4
        lo = (lo & ~(3UL << 62)) | (2UL << 62); // RFC 4122 variant
        var o = 0;
        for (var i = 0; i < 32; i++)
        {
            if (i is 8 or 12 or 16 or 20)
            {
                destination[o++] = (byte)'-';
            }

            var word = i < 16 ? hi : lo;
            var nibble = (int)((word >> (60 - (i % 16) * 4)) & 0xF);
            destination[o++] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
    }

    /// <summary>Starts a WARC header in Common Crawl's field order: type, date, id, length, content type.</summary>
    private ByteBuilder BeginHeader(ReadOnlySpan<byte> type, ReadOnlySpan<byte> recordId, long contentLength, ReadOnlySpan<byte> contentType)
    {
        var h = _header;
        h.Clear();
        h.Append("WARC/1.0\r\nWARC-Type: "u8);
        h.Append(type);
        h.Append("\r\nWARC-Date: "u8);
        AppendWarcDate(h, _date);
        h.Append("\r\n"u8);
        Field(h, "WARC-Record-ID"u8, recordId, uuid: true);
        h.Append("Content-Length: "u8);
        h.AppendNumber(contentLength);
        h.Append("\r\n"u8);
        Field(h, "Content-Type"u8, contentType);
        return h;
    }

    private static void Field(ByteBuilder h, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool uuid = false)
    {
        h.Append(name);
        h.Append(": "u8);
        if (uuid)
        {
            h.Append("<urn:uuid:"u8);
            h.Append(value);
            h.Append('>');
        }
        else
        {
            h.Append(value);
        }

        h.Append("\r\n"u8);
    }

    /// <summary>WARC-Date: ISO 8601 UTC to the second, <c>2024-04-12T10:00:00Z</c>.</summary>
    private static void AppendWarcDate(ByteBuilder b, DateTime date)
    {
        Span<byte> text = stackalloc byte[32];
        var ok = date.TryFormat(text, out var n, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        Debug.Assert(ok);
        b.Append(text[..n]);
    }

    /// <summary>HTTP date (RFC 7231 IMF-fixdate): <c>Fri, 12 Apr 2024 10:00:00 GMT</c>.</summary>
    private static void AppendHttpDate(ByteBuilder b, DateTime date)
    {
        Span<byte> text = stackalloc byte[40];
        var ok = date.TryFormat(text, out var n, "r", CultureInfo.InvariantCulture);
        Debug.Assert(ok);
        b.Append(text[..n]);
    }
}
