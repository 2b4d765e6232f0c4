using System.Security.Cryptography;

namespace BigData.Warc.Sample;

/// <summary>
/// Writes the records of one captured page (request, response, metadata) as Common Crawl does, into reused buffers.
/// Each page draws from its own random stream (seed, page index), so pages can be generated in any order, on any
/// thread, and still give the same bytes. One instance per thread.
/// </summary>
internal sealed partial class SamplePageWriter : IDisposable
{
    private readonly SampleContext _context;
    private readonly SampleRandom _random = new(0);
    private readonly SampleRandom _style = new(0);
    private readonly ByteBuilder _target = new(256);
    private readonly ByteBuilder _uri = new(256);
    private readonly ByteBuilder _header = new(2048);
    private readonly ByteBuilder _http = new(2048);
    private readonly ByteBuilder _payload = new(256 * 1024);
    private readonly IncrementalHash _blockHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly byte[] _requestId = new byte[UuidLength];
    private readonly byte[] _responseId = new byte[UuidLength];
    private readonly byte[] _metadataId = new byte[UuidLength];
    private readonly byte[] _blockDigest = new byte[WarcDigest.Length];
    private readonly byte[] _payloadDigest = new byte[WarcDigest.Length];
    private readonly byte[] _hash = new byte[WarcDigest.Sha1Bytes];
    private DateTime _date;

    public SamplePageWriter(SampleContext context) => _context = context;

    /// <summary>Writes page <paramref name="page"/>'s three records to <paramref name="sink"/>.</summary>
    public void WritePage(long page, IRecordSink sink)
    {
        var r = _random;
        r.Reseed(SampleRandom.StreamSeed(_context.Seed, SampleContext.PageStream, (ulong)page));
        var hosts = _context.Hosts;
        int rank;
        UriSpelling spelling;
        if (page < Showcase.Length && Showcase[page].Rank < hosts.Count)
        {
            (rank, spelling) = Showcase[page];
        }
        else
        {
            rank = hosts.DrawRank(r);
            spelling = DrawSpelling(r);
        }

        var host = hosts[rank];
        WriteRequestTarget(r, spelling);
        WriteTargetUri(r, host, spelling);
        FormatUuid(r, _requestId);
        FormatUuid(r, _responseId);
        FormatUuid(r, _metadataId);
        _date = SampleContext.StartTime.AddMilliseconds(page * 500 + r.Next(500));

        WriteRequest(r, host, sink);
        var status = WriteResponse(r, host, sink);
        WriteMetadata(r, status, sink);
    }

    /// <summary>Writes the warcinfo record that starts the file.</summary>
    public void WriteWarcinfo(IRecordSink sink)
    {
        var options = _context.Options;
        _date = SampleContext.StartTime;
        var b = _http;
        b.Clear();
        b.Append("isPartOf: BIGDATA-SAMPLE\r\npublisher: BigData sample generator\r\ndescription: Synthetic Common-Crawl-like capture (pages="u8);
        b.AppendNumber(options.Pages);
        b.Append(", hosts="u8);
        b.AppendNumber(options.Hosts);
        b.Append(", seed="u8);
        b.AppendNumber(options.Seed);
        b.Append(")\r\noperator: BigData\r\nhostname: sample-generator.invalid\r\nsoftware: BigData.Warc SampleArchiveGenerator\r\nrobots: classic\r\nformat: WARC File Format 1.0\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"u8);

        var h = BeginHeader("warcinfo"u8, _context.WarcinfoId, b.Length, "application/warc-fields"u8);
        h.Append("WARC-Filename: "u8);
        h.AppendAscii(options.EffectiveFileName);
        h.Append("\r\n\r\n"u8);
        sink.WriteRecord(h.Span, b.Span, default);
    }

    private void WriteRequest(SampleRandom r, SampleHost host, IRecordSink sink)
    {
        var b = _http;
        b.Clear();
        b.Append("GET "u8);
        b.Append(_target.Span);
        b.Append(" HTTP/1.1\r\nHost: "u8);
        b.Append(host.HostHeader);
        b.Append("\r\nUser-Agent: CCBot/2.0 (https://commoncrawl.org/faq/)\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\n"u8);
        if (r.Chance(150))
        {
            b.Append("If-Modified-Since: "u8);
            AppendHttpDate(b, _date.AddDays(-r.Next(1, 400)));
            b.Append("\r\n"u8);
        }

        b.Append("Accept-Encoding: br,gzip\r\nConnection: Keep-Alive\r\n\r\n"u8);
        SHA1.HashData(b.Span, _hash);
        WarcDigest.Format(_hash, _blockDigest);

        var h = BeginHeader("request"u8, _requestId, b.Length, "application/http; msgtype=request"u8);
        Field(h, "WARC-Warcinfo-ID"u8, _context.WarcinfoId, uuid: true);
        Field(h, "WARC-IP-Address"u8, host.IpAddressBytes);
        Field(h, "WARC-Target-URI"u8, _uri.Span);
        Field(h, "WARC-Block-Digest"u8, _blockDigest);
        h.Append("\r\n"u8);
        sink.WriteRecord(h.Span, b.Span, default);
    }

    private int WriteResponse(SampleRandom r, SampleHost host, IRecordSink sink)
    {
        var roll = r.Next(1000);
        var status = roll switch
        {
            < 880 => 200,
            < 940 => 301,
            < 960 => 302,
            < 990 => 404,
            _ => 503,
        };

        var payload = _payload;
        payload.Clear();
        if (status == 200)
        {
            SampleHtml.WritePage(payload, r, _style, host, _context.Hosts, DrawPayloadSize(r));
        }
        else
        {
            SampleHtml.WriteShortPage(payload, r, ReasonPhrase(status));
        }

        var b = _http;
        b.Clear();
        b.Append("HTTP/1.1 "u8);
        b.AppendNumber(status);
        b.Append(' ');
        b.Append(ReasonPhrase(status));
        b.Append("\r\nDate: "u8);
        AppendHttpDate(b, _date);
        b.Append("\r\nServer: "u8);
        b.Append(host.Server);
        b.Append(r.Next(3) switch
        {
            0 => "\r\nContent-Type: text/html; charset=UTF-8\r\n"u8,
            1 => "\r\nContent-Type: text/html; charset=utf-8\r\n"u8,
            _ => "\r\nContent-Type: text/html\r\n"u8,
        });
        if (status is 301 or 302)
        {
            b.Append("Location: "u8);
            b.Append(host.OriginBytes);
            b.Append('/');
            b.Append(SampleVocabulary.Instance.ZipfWord(r));
            b.Append("/\r\n"u8);
        }

        if (r.Chance(600))
        {
            // Common Crawl stores bodies decoded and renames the original encoding header.
            b.Append("X-Crawler-Content-Encoding: gzip\r\n"u8);
        }

        b.Append("Content-Length: "u8);
        b.AppendNumber(payload.Length);
        b.Append("\r\n"u8);
        if (r.Chance(500))
        {
            b.Append("Cache-Control: max-age="u8);
            b.AppendNumber(r.Next(1, 100) * 60);
            b.Append("\r\n"u8);
        }

        if (r.Chance(300))
        {
            b.Append("Set-Cookie: session="u8);
            b.AppendHex(r.NextUInt64(), 16);
            b.AppendHex(r.NextUInt64(), 16);
            b.Append("; path=/; HttpOnly\r\n"u8);
        }

        if (r.Chance(250))
        {
            b.Append("Last-Modified: "u8);
            AppendHttpDate(b, _date.AddHours(-r.Next(1, 20000)));
            b.Append("\r\n"u8);
        }

        b.Append("Vary: Accept-Encoding\r\nConnection: keep-alive\r\n\r\n"u8);

        SHA1.HashData(payload.Span, _hash);
        WarcDigest.Format(_hash, _payloadDigest);
        _blockHash.AppendData(b.Span);
        _blockHash.AppendData(payload.Span);
        _blockHash.GetHashAndReset(_hash);
        WarcDigest.Format(_hash, _blockDigest);

        var h = BeginHeader("response"u8, _responseId, b.Length + payload.Length, "application/http; msgtype=response"u8);
        Field(h, "WARC-Warcinfo-ID"u8, _context.WarcinfoId, uuid: true);
        Field(h, "WARC-Concurrent-To"u8, _requestId, uuid: true);
        Field(h, "WARC-IP-Address"u8, host.IpAddressBytes);
        Field(h, "WARC-Target-URI"u8, _uri.Span);
        Field(h, "WARC-Payload-Digest"u8, _payloadDigest);
        Field(h, "WARC-Block-Digest"u8, _blockDigest);
        Field(h, "WARC-Identified-Payload-Type"u8, "text/html"u8);
        h.Append("\r\n"u8);
        sink.WriteRecord(h.Span, b.Span, payload.Span);
        return status;
    }

    private void WriteMetadata(SampleRandom r, int status, IRecordSink sink)
    {
        var b = _http;
        b.Clear();
        b.Append("fetchTimeMs: "u8);
        b.AppendNumber(r.Chance(100) ? r.Next(400, 5000) : r.Next(15, 400));
        b.Append("\r\n"u8);
        if (status == 200)
        {
            b.Append("charset-detected: UTF-8\r\nlanguages-cld2: {\"reliable\":true,\"text-bytes\":"u8);
            b.AppendNumber(_payload.Length / 3 + r.Next(100));
            b.Append(",\"languages\":[{\"code\":\"en\",\"code-iso-639-3\":\"eng\",\"text-covered\":0."u8);
            b.AppendNumber(r.Next(80, 100), 2);
            b.Append(",\"score\":"u8);
            b.AppendNumber(r.Next(500, 2000));
            b.Append(".0,\"name\":\"ENGLISH\"}]}\r\n"u8);
        }

        var h = BeginHeader("metadata"u8, _metadataId, b.Length, "application/warc-fields"u8);
        Field(h, "WARC-Warcinfo-ID"u8, _context.WarcinfoId, uuid: true);
        Field(h, "WARC-Concurrent-To"u8, _responseId, uuid: true);
        Field(h, "WARC-Target-URI"u8, _uri.Span);
        h.Append("\r\n"u8);
        sink.WriteRecord(h.Span, b.Span, default);
    }

    /// <summary>
    /// Heavy-tailed payload size, about log-normal: median 32 KiB, clamped to [1 KiB, 200 KiB]. Only IEEE
    /// additions and multiplications (no Math.Exp), so every machine draws the same sizes.
    /// </summary>
    private static int DrawPayloadSize(SampleRandom r)
    {
        // Irwin–Hall: the sum of four uniforms is close to normal (mean 2, sd 1/√3).
        var z = (r.NextDouble() + r.NextDouble() + r.NextDouble() + r.NextDouble() - 2.0) * 1.7320508075688772;
        var log2 = 15.0 + 1.2 * z;
        log2 = Math.Clamp(log2, 10.0, 17.6);
        var whole = (int)log2;
        var f = log2 - whole;
        var pow = 1.0 + f * (0.6951 + f * (0.2262 + f * 0.0787)); // ≈ 2^f on [0, 1)
        return (int)((1 << whole) * pow);
    }

    private static ReadOnlySpan<byte> ReasonPhrase(int status) => status switch
    {
        200 => "OK"u8,
        301 => "Moved Permanently"u8,
        302 => "Found"u8,
        404 => "Not Found"u8,
        _ => "Service Unavailable"u8,
    };

    public void Dispose()
    {
        _target.Dispose();
        _uri.Dispose();
        _header.Dispose();
        _http.Dispose();
        _payload.Dispose();
        _blockHash.Dispose();
    }
}
