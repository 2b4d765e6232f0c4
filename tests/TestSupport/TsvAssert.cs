using System.Text;

namespace TestSupport;

/// <summary>Byte-exact comparison of key&lt;TAB&gt;count outputs with a readable diff on failure.</summary>
public static class TsvAssert
{
    /// <summary>Asserts that two outputs are equal byte for byte.</summary>
    public static void Equal(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual))
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

    /// <summary>The sum of the counts of a key&lt;TAB&gt;count output.</summary>
    public static long SumOfCounts(byte[] tsv) =>
        Lines(tsv).Sum(l => long.Parse(l[(l.LastIndexOf('\t') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Lines decoded leniently (for messages and sums only).</summary>
    public static List<string> Lines(byte[] tsv) =>
        Encoding.UTF8.GetString(tsv).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
