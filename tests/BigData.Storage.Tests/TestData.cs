using System.IO.Compression;
using System.Text;
using BigData.Storage.Inputs;

namespace BigData.Storage.Tests;

/// <summary>Seeded test bytes and small read helpers.</summary>
internal static class TestData
{
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Reads a file to the end with a small buffer (many reads, as a decompressor would issue).</summary>
    public static byte[] ReadAll(IInputFile file)
    {
        using var stream = file.OpenRead();
        return ReadAll(stream);
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        return copy.ToArray();
    }

    /// <summary>Gzip of <paramref name="text"/>, as several concatenated members when <paramref name="members"/> &gt; 1.</summary>
    public static byte[] Gzip(string text, int members = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream();
        var chunk = (bytes.Length + members - 1) / Math.Max(members, 1);
        for (var offset = 0; offset < bytes.Length || offset == 0; offset += Math.Max(chunk, 1))
        {
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes, offset, Math.Min(chunk, bytes.Length - offset));
            }

            if (bytes.Length == 0)
            {
                break;
            }
        }

        return output.ToArray();
    }
}
