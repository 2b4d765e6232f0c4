using System.Text;

namespace TestSupport;

/// <summary>Byte-exact comparison of key&lt;TAB&gt;count outputs with a readable diff on failure.</summary>
public static class TsvAssert
{
    /// <summary>
    /// Asserts that two outputs hold the same lines byte for byte once both are sorted as <c>LC_ALL=C sort</c>
    /// sorts them (DESIGN.md §1: "the same key&lt;TAB&gt;count lines, byte for byte, once sorted").
    /// </summary>
    public static void Equal(byte[] expected, byte[] actual, string what)
    {
        if (SortLines(expected).AsSpan().SequenceEqual(SortLines(actual)))
        {
            return;
        }

        var e = Lines(expected);
        var a = Lines(actual);
        var sb = new StringBuilder($"{what}: outputs differ ({e.Count} expected lines, {a.Count} actual lines)\n");
        foreach (var line in e.Except(a).Take(10))
        {
            sb.Append("  missing:    ").Append(line).Append('\n');
        }

        foreach (var line in a.Except(e).Take(10))
        {
            sb.Append("  unexpected: ").Append(line).Append('\n');
        }

        Assert.Fail(sb.ToString());
    }

    /// <summary>The lines of <paramref name="tsv"/> (each with its LF) in ordinal byte order.</summary>
    public static byte[] SortLines(byte[] tsv)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < tsv.Length; i++)
        {
            if (tsv[i] == (byte)'\n')
            {
                lines.Add(tsv[start..i]);
                start = i + 1;
            }
        }

        if (start < tsv.Length)
        {
            lines.Add(tsv[start..]);
        }

        lines.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        return lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
    }

    /// <summary>The sum of the counts of a key&lt;TAB&gt;count output.</summary>
    public static long SumOfCounts(byte[] tsv) =>
        Lines(tsv).Sum(l => long.Parse(l[(l.LastIndexOf('\t') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Lines decoded leniently (for messages and sums only).</summary>
    public static List<string> Lines(byte[] tsv) =>
        Encoding.UTF8.GetString(tsv).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
