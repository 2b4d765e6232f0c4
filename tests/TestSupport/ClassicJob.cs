namespace TestSupport;

/// <summary>
/// The oracle for the seed rule: the classic Python streaming job (scripts/classic/mapper.py and reducer.py) run
/// over the decompressed bytes of a file through <c>LC_ALL=C sort</c>, exactly as Hadoop Streaming would.
/// </summary>
public static class ClassicJob
{
    /// <summary>Runs mapper | sort | reducer over <paramref name="uncompressed"/>; returns its stdout bytes.</summary>
    public static byte[] Run(byte[] uncompressed)
    {
        var mapper = RepoPaths.Of("scripts", "classic", "mapper.py");
        var reducer = RepoPaths.Of("scripts", "classic", "reducer.py");
        var result = ProcessRunner.Bash(
            $"python3 '{mapper}' | LC_ALL=C sort | python3 '{reducer}'",
            uncompressed);
        Assert.True(result.ExitCode == 0, "classic job failed: " + result.Stderr);
        return result.Stdout;
    }

    /// <summary>The uncompressed bytes of a file: gzip (by magic bytes, all members) or as is.</summary>
    public static byte[] Uncompressed(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B)
        {
            return raw;
        }

        // Python's zlib keeps every complete byte of a truncated member, as the streaming pipeline's zcat would.
        var result = ProcessRunner.Run("python3", ["-c", """
            import sys, zlib
            data = sys.stdin.buffer.read(); out = bytearray()
            while data:
                d = zlib.decompressobj(31)
                try:
                    out += d.decompress(data)
                except zlib.error:
                    break
                data = d.unused_data
            sys.stdout.buffer.write(bytes(out))
            """], raw);
        Assert.Equal(0, result.ExitCode);
        return result.Stdout;
    }
}
