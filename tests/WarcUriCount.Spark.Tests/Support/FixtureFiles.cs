using System.IO.Compression;
using TestSupport;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>The hand-made archives of tests/fixtures (see its README), as the local runner and as Spark read them.</summary>
public static class FixtureFiles
{
    /// <summary>Every input file of tests/fixtures (not the expected outputs, the generator or the README), by name.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> All()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Fixtures)
            .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        Assert.True(files.Count >= 10, "tests/fixtures holds the hand-made archives");
        return files;
    }

    /// <summary>
    /// What the local runner decodes: gzip by its magic bytes (every member), else the bytes as they are. A damaged
    /// stream gives what was decoded before the damage (GZipStream does not report a cut stream).
    /// </summary>
    public static byte[] Decoded(byte[] bytes) => IsGzip(bytes) ? Gunzip(bytes) : bytes;

    /// <summary>
    /// What Spark's text source reads (Hadoop picks the codec by file name): a <c>.gz</c> file is decompressed, anything
    /// else read as it is. Null when Hadoop's gzip codec fails on the file, which fails the Spark job: not gzip, or cut
    /// short.
    /// </summary>
    public static byte[]? ReadBySpark(string name, byte[] bytes)
    {
        if (!name.EndsWith(".gz", StringComparison.Ordinal))
        {
            return bytes;
        }

        // gzip(1) fails as Hadoop's codec does on a file that is not gzip or is cut short (GZipStream would not).
        var gunzip = ProcessRunner.Run("gzip", ["-dc"], bytes);
        return gunzip.ExitCode == 0 ? gunzip.Stdout : null;
    }

    /// <summary>
    /// Every <c>WARC-Target-URI</c> header in <paramref name="content"/> (name in any case, optional blanks before the
    /// colon), each as its verbatim lines with their continuation lines, LF-terminated. Lines anywhere count, payload
    /// lines too: each is just another header value to compare on.
    /// </summary>
    public static IReadOnlyList<byte[]> TargetUriHeaders(byte[] content)
    {
        var lines = Lines(content);
        var headers = new List<byte[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!ReaderModel.TryGetHeader([.. lines[i], (byte)'\n'], "WARC-Target-URI"u8, out _))
            {
                continue;
            }

            var header = new List<byte>([.. lines[i], (byte)'\n']);
            for (var j = i + 1; j < lines.Count && lines[j].Length > 0 && lines[j][0] is (byte)' ' or (byte)'\t'; j++)
            {
                header.AddRange([.. lines[j], (byte)'\n']);
            }

            headers.Add([.. header]);
        }

        return headers;
    }

    /// <summary>The LF-separated lines of <paramref name="content"/>, without their LF; no empty line after a final LF.</summary>
    public static List<byte[]> Lines(byte[] content) =>
        HadoopTextSplit.Split(content, "\n"u8);

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }
}
