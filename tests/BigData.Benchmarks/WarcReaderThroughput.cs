using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BigData.Warc;

namespace BigData.Benchmarks;

/// <summary>
/// The reader against its naive baseline, plain <see cref="GZipStream"/> decompression of the same bytes (DESIGN §8:
/// at least 95%). The input is generated in memory: Common Crawl-like records of 2–100 KB, one gzip member each.
/// Run: <c>dotnet run -c Release --project tests/BigData.Benchmarks -- --filter '*WarcReaderThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
public class WarcReaderThroughput
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private byte[] _gzip = [];

    /// <summary>Compressed size of the generated input, in MB.</summary>
    [Params(32)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup() => _gzip = GenerateArchive(Megabytes * 1_000_000L, seed: 42);

    [Benchmark(Baseline = true)]
    public long GZipStreamOnly()
    {
        using var gzip = new GZipStream(new MemoryStream(_gzip), CompressionMode.Decompress);
        long total = 0;
        int n;
        while ((n = gzip.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    [Benchmark]
    public long WarcReaderRecords()
    {
        using var reader = new WarcReader(ArchiveDecoder.Open(new MemoryStream(_gzip), "bench"), "bench");
        long records = 0;
        while (reader.TryRead(out _))
        {
            records++;
        }

        return records;
    }

    [Benchmark]
    public long WarcReaderTargetUris()
    {
        using var reader = new WarcReader(ArchiveDecoder.Open(new MemoryStream(_gzip), "bench"), "bench");
        long bytes = 0;
        while (reader.TryRead(out var record))
        {
            bytes += record.Type.Length;
            if (record.TryGetTargetUri(out var uri))
            {
                bytes += uri.Length;
            }
        }

        return bytes;
    }

    [Benchmark]
    public long LineReaderLines()
    {
        using var reader = new LineReader(ArchiveDecoder.Open(new MemoryStream(_gzip), "bench"), "bench");
        long lines = 0;
        while (reader.TryReadLine(out _))
        {
            lines++;
        }

        return lines;
    }

    /// <summary>Request, response (HTML text, some binary) and metadata records, one gzip member per record.</summary>
    public static byte[] GenerateArchive(long compressedBytes, int seed)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 5000)
            .Select(_ => new string(Enumerable.Range(0, 2 + random.Next(9)).Select(_ => (char)('a' + random.Next(26))).ToArray()))
            .ToArray();
        using var output = new MemoryStream();
        for (int n = 0; output.Length < compressedBytes; n++)
        {
            string host = $"www.site{random.Next(50000)}.example";
            string type = (n % 3) switch { 0 => "request", 1 => "response", _ => "metadata" };
            byte[] body = type switch
            {
                "request" => Encoding.ASCII.GetBytes($"GET /p/{n} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: CCBot/2.0\r\n\r\n"),
                "metadata" => Encoding.ASCII.GetBytes($"fetchTimeMs: {random.Next(2000)}\r\ncharset-detected: UTF-8\r\n"),
                _ => ResponseBody(random, words, host, 2000 + (int)(Math.Pow(random.NextDouble(), 2) * 98000)),
            };
            string head =
                $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n" +
                $"WARC-Record-ID: <urn:uuid:{n:D8}-0000-0000-0000-000000000000>\r\nContent-Length: {body.Length}\r\n" +
                $"Content-Type: application/http; msgtype={type}\r\nWARC-IP-Address: 10.0.0.{random.Next(255)}\r\n" +
                $"WARC-Target-URI: https://{host}/p/{n}?q={random.Next()}\r\n" +
                "WARC-Payload-Digest: sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567\r\n\r\n";
            using var member = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
            member.Write(Encoding.ASCII.GetBytes(head));
            member.Write(body);
            member.Write("\r\n\r\n"u8);
        }

        return output.ToArray();
    }

    private static byte[] ResponseBody(Random random, string[] words, string host, int size)
    {
        if (random.Next(10) == 0)
        {
            var image = new byte[size];
            random.NextBytes(image);
            return [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {size}\r\n\r\n"), .. image];
        }

        var html = new StringBuilder($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>{host}</title></head><body>\n");
        while (html.Length < size)
        {
            html.Append("<p>");
            for (int i = 5 + random.Next(30); i > 0; i--)
            {
                html.Append(words[(int)(Math.Pow(random.NextDouble(), 3) * words.Length)]).Append(' ');
            }

            html.Append("</p>\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>\n").ToString());
    }
}
