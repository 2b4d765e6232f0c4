using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace BigData.Benchmarks;

/// <summary>
/// <c>gunzip FILE</c>: the throughput baseline of scripts/bench.sh. Decompresses FILE with plain
/// <see cref="GZipStream"/> (all members) into a 1 MiB buffer that is thrown away, and prints
/// <c>bytes_in bytes_out seconds</c> on stdout.
/// </summary>
public static class GunzipTool
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: BigData.Benchmarks gunzip FILE");
            return 2;
        }

        var path = args[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"gunzip: {path}: no such file");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        long bytesOut = 0;
        long bytesIn;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            int n;
            while ((n = gzip.Read(buffer)) > 0)
            {
                bytesOut += n;
            }

            bytesIn = file.Length;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"gunzip: {path}: {e.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytesIn} {bytesOut} {clock.Elapsed.TotalSeconds:F3}"));
        return 0;
    }
}
