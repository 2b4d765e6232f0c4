using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BigData.Benchmarks;

/// <summary>
/// <c>serve DIR</c>: a minimal static HTTP/1.1 file server on 127.0.0.1 and a free port for scripts/bench.sh, so
/// reading over HTTP can be measured against reading from disk. Prints <c>http://127.0.0.1:PORT/</c> on stdout once
/// it listens and serves until its stdin closes (or it is killed). GET and HEAD, <c>Range: bytes=N-[M]</c>, an ETag
/// from size and time; one request per connection. Loopback only, no directory listings, no paths outside DIR.
/// </summary>
public static class ServeTool
{
    private const int BufferSize = 1 << 20;

    public static int Run(string[] args)
    {
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: BigData.Benchmarks serve DIR");
            return 2;
        }

        var root = Path.GetFullPath(args[0]);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.Out.WriteLine($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        Console.Out.Flush();

        // Stop when the script closes our stdin (or exits): no stray server if the benchmark is interrupted.
        using var stop = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            stop.Cancel();
            listener.Stop();
        });

        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            // One thread per connection: the bench has one or two clients, each blocking on a large body.
            new Thread(() => Serve(socket, root)) { IsBackground = true }.Start();
        }

        return 0;
    }

    private static void Serve(Socket socket, string root)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using (socket)
            using (var stream = new NetworkStream(socket, ownsSocket: false))
            {
                var head = ReadHead(stream);
                if (head == null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var request = lines[0].Split(' ');
                if (request.Length < 2 || request[0] is not ("GET" or "HEAD"))
                {
                    WriteHead(stream, "405 Method Not Allowed", 0, string.Empty);
                    return;
                }

                var file = Resolve(root, request[1]);
                if (file == null)
                {
                    WriteHead(stream, "404 Not Found", 0, string.Empty);
                    return;
                }

                var length = file.Length;
                long start = 0;
                var end = length - 1;
                var status = "200 OK";
                var extra = new StringBuilder();
                var range = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase));
                if (range != null && TryParseRange(range["Range:".Length..].Trim(), length, out start, out end))
                {
                    status = "206 Partial Content";
                    extra.Append(CultureInfo.InvariantCulture, $"Content-Range: bytes {start}-{end}/{length}\r\n");
                }

                extra.Append(CultureInfo.InvariantCulture, $"ETag: \"{length:x}-{file.LastWriteTimeUtc.Ticks:x}\"\r\nAccept-Ranges: bytes\r\n");
                WriteHead(stream, status, end - start + 1, extra.ToString());
                if (request[0] == "GET")
                {
                    CopyRange(file.FullName, start, end - start + 1, stream, buffer);
                }

                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // The client went away.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileInfo? Resolve(string root, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('?')[0]).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? new FileInfo(full) : null;
    }

    private static void CopyRange(string path, long start, long count, Stream destination, byte[] buffer)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = start;
        while (count > 0)
        {
            var n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (n == 0)
            {
                throw new IOException($"{path} ended early");
            }

            destination.Write(buffer, 0, n);
            count -= n;
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
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out start) || start >= length)
        {
            return false;
        }

        if (parts[1].Length > 0 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var last))
        {
            end = Math.Min(last, length - 1);
        }

        return end >= start;
    }

    private static void WriteHead(Stream stream, string status, long length, string extra)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Length: {length}\r\nContent-Type: application/octet-stream\r\n{extra}Connection: close\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(head));
    }

    private static string? ReadHead(Stream stream)
    {
        var bytes = new List<byte>(512);
        Span<byte> one = stackalloc byte[1];
        while (bytes.Count < 16 * 1024)
        {
            if (stream.Read(one) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]);
            }
        }

        return null;
    }
}
