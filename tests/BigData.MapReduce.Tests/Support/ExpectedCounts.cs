using System.Text;

namespace BigData.MapReduce.Tests.Support;

/// <summary>
/// The independent computation tests compare against: plain LINQ grouping, then ordinal byte order obtained by
/// sorting the keys' upper-case hex strings (hex digits preserve byte order, and a prefix still sorts first).
/// </summary>
internal static class ExpectedCounts
{
    /// <summary>Sums counts per key and renders sorted <c>key\tcount\n</c> lines.</summary>
    public static byte[] Render(IEnumerable<(byte[] Key, long Count)> pairs)
    {
        var grouped = pairs
            .GroupBy(p => Convert.ToHexString(p.Key))
            .Select(g => (Hex: g.Key, Count: g.Sum(p => p.Count)))
            .OrderBy(g => g.Hex, StringComparer.Ordinal);
        var output = new MemoryStream();
        foreach (var (hex, count) in grouped)
        {
            output.Write(Convert.FromHexString(hex));
            output.Write(Encoding.ASCII.GetBytes($"\t{count}\n"));
        }

        return output.ToArray();
    }

    /// <summary>The words of text files the way <see cref="WordCountJob"/> splits them: LF lines, single spaces.</summary>
    public static IEnumerable<(byte[] Key, long Count)> Words(IEnumerable<string> files) =>
        from file in files
        from line in File.ReadAllText(file, Encoding.UTF8).Split('\n')
        where !line.StartsWith('#')
        from word in line.Split(' ')
        where word.Length > 0
        select (Encoding.UTF8.GetBytes(word), 1L);

    /// <summary>Sorted lines of every file, concatenated: what <c>cat part-* | LC_ALL=C sort</c> gives.</summary>
    public static byte[] ConcatenateSorted(IEnumerable<string> partFiles)
    {
        var lines = partFiles
            .SelectMany(f => SplitLines(File.ReadAllBytes(f)))
            .OrderBy(Convert.ToHexString, StringComparer.Ordinal);
        var output = new MemoryStream();
        foreach (var line in lines)
        {
            output.Write(line);
            output.WriteByte((byte)'\n');
        }

        return output.ToArray();
    }

    public static IEnumerable<byte[]> SplitLines(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                yield return bytes[start..i];
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            yield return bytes[start..];
        }
    }
}
