using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport.Http;

/// <summary>What the server does with one request instead of (or while) serving the file.</summary>
public abstract record Fault
{
    /// <summary>Answers with this status, headers and body (then closes).</summary>
    public sealed record Status(int Code, string Body = "", string ContentType = "text/plain", string? RetryAfter = null) : Fault;

    /// <summary>Sends the headers and the first <paramref name="Bytes"/> bytes of the body, then closes (RST when <paramref name="Reset"/>).</summary>
    public sealed record DropAfter(long Bytes, bool Reset = false) : Fault;

    /// <summary>Sends nothing for <paramref name="Delay"/>, then closes.</summary>
    public sealed record StallHeaders(TimeSpan Delay) : Fault;

    /// <summary>Sends the headers and <paramref name="Bytes"/> bytes, then nothing for <paramref name="Delay"/>, then closes.</summary>
    public sealed record StallBody(long Bytes, TimeSpan Delay) : Fault;

    /// <summary>Sends the headers and <paramref name="Bytes"/> bytes, pauses for <paramref name="Delay"/>, then sends the rest.</summary>
    public sealed record Pause(long Bytes, TimeSpan Delay) : Fault;

    /// <summary>Answers 200 with the whole file even when a range was asked for.</summary>
    public sealed record IgnoreRange : Fault;

    /// <summary>Serves normally but with another entity tag (the file "changed").</summary>
    public sealed record OtherETag(string ETag) : Fault;
}

/// <summary>One request the server received, <paramref name="At"/> after the server started.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Range, TimeSpan At);

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 built on <see cref="TcpListener"/>, so a test controls every byte and can cut
/// connections: serves registered files (with Range support and an ETag) and plays queued <see cref="Fault"/>s, one per
/// request, per path. Every response closes its connection. Also answers path-style S3 GETs (<c>/bucket/key</c>).
/// Shared by the storage unit tests and the CLI's end-to-end tests (tests/TestSupport).
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public LoopbackHttpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The server's root, <c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public string Url(string path) => BaseUrl + path;

    public void AddFile(string path, byte[] content, string etag = "\"v1\"") => _files[path] = (content, etag);

    public void Enqueue(string path, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        foreach (var f in faults)
        {
            queue.Enqueue(f);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(string path) => [.. _requests.Where(r => r.Path == path)];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping the listener fails the pending accept; that is the point.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head == null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var path = requestLine[1].Split('?')[0];
                var range = lines.Skip(1)
                    .Where(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => l["Range:".Length..].Trim())
                    .FirstOrDefault();
                _requests.Enqueue(new RecordedRequest(requestLine[0], path, range, _clock.Elapsed));
                Fault? fault = _faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var f) ? f : null;
                await RespondAsync(client, stream, path, range, fault);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or a test cut the connection): nothing to do.
        }
    }

    private async Task RespondAsync(TcpClient client, NetworkStream stream, string path, string? range, Fault? fault)
    {
        var token = _stop.Token;
        switch (fault)
        {
            case Fault.Status s:
                var extra = s.RetryAfter != null ? $"Retry-After: {s.RetryAfter}\r\n" : string.Empty;
                await WriteAsync(stream, s.Code, Reason(s.Code), Encoding.UTF8.GetBytes(s.Body), s.ContentType, extra, token);
                return;
            case Fault.StallHeaders stall:
                await Task.Delay(stall.Delay, token);
                return;
        }

        if (!_files.TryGetValue(path, out var file))
        {
            await WriteAsync(stream, 404, "Not Found", "no such file"u8.ToArray(), "text/plain", string.Empty, token);
            return;
        }

        var content = file.Content;
        var etag = fault is Fault.OtherETag other ? other.ETag : file.ETag;
        long start = 0;
        var end = content.Length - 1L;
        var status = 200;
        var headers = new StringBuilder();
        if (range != null && fault is not Fault.IgnoreRange && TryParseRange(range, content.Length, out start, out end))
        {
            status = 206;
            headers.Append(CultureInfo.InvariantCulture, $"Content-Range: bytes {start}-{end}/{content.Length}\r\n");
        }

        headers.Append(CultureInfo.InvariantCulture, $"ETag: {etag}\r\nAccept-Ranges: bytes\r\n");
        var body = content.AsMemory((int)start, (int)(end - start + 1));
        await WriteHeadAsync(stream, status, Reason(status), body.Length, "application/octet-stream", headers.ToString(), token);
        switch (fault)
        {
            case Fault.DropAfter drop:
                await stream.WriteAsync(body[..(int)Math.Min(drop.Bytes, body.Length)], token);
                await stream.FlushAsync(token);
                if (drop.Reset)
                {
                    // Give the client time to take the bytes before the reset discards its unread buffer.
                    await Task.Delay(100, token);
                    client.Client.LingerState = new LingerOption(true, 0);
                }

                client.Client.Close();
                return;
            case Fault.StallBody stall:
                await stream.WriteAsync(body[..(int)Math.Min(stall.Bytes, body.Length)], token);
                await stream.FlushAsync(token);
                await Task.Delay(stall.Delay, token);
                return;
            case Fault.Pause pause:
                var first = (int)Math.Min(pause.Bytes, body.Length);
                await stream.WriteAsync(body[..first], token);
                await stream.FlushAsync(token);
                await Task.Delay(pause.Delay, token);
                await stream.WriteAsync(body[first..], token);
                await stream.FlushAsync(token);
                client.Client.Shutdown(SocketShutdown.Send);
                return;
            default:
                await stream.WriteAsync(body, token);
                await stream.FlushAsync(token);
                client.Client.Shutdown(SocketShutdown.Send);
                return;
        }
    }

    private static bool TryParseRange(string header, long length, out long start, out long end)
    {
        start = 0;
        end = length - 1;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = header["bytes=".Length..].Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], out start) || start >= length)
        {
            return false;
        }

        if (parts[1].Length > 0 && long.TryParse(parts[1], out var last))
        {
            end = Math.Min(last, length - 1);
        }

        return true;
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string reason, byte[] body, string contentType, string extraHeaders, CancellationToken token)
    {
        await WriteHeadAsync(stream, status, reason, body.Length, contentType, extraHeaders, token);
        await stream.WriteAsync(body, token);
        await stream.FlushAsync(token);
    }

    private static async Task WriteHeadAsync(NetworkStream stream, int status, string reason, long length, string contentType, string extraHeaders, CancellationToken token)
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Length: {length}\r\nContent-Type: {contentType}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>(1024);
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            var n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]);
            }
        }

        return null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
