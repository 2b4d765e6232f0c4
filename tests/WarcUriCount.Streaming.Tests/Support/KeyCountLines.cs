using System.Globalization;
using System.Text;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>Reading key&lt;TAB&gt;count output in tests.</summary>
internal static class KeyCountLines
{
    /// <summary>Every line's count summed per key (so outputs written in several flushes compare with one total).</summary>
    public static SortedDictionary<string, long> Totals(byte[] output, char separator = '\t')
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = line.IndexOf(separator, StringComparison.Ordinal);
            Assert.True(split > 0, "not a key-count line: " + line);
            totals[line[..split]] = totals.GetValueOrDefault(line[..split]) + long.Parse(line[(split + 1)..], CultureInfo.InvariantCulture);
        }

        return totals;
    }

    /// <summary>Sums totals into sorted key&lt;TAB&gt;count bytes.</summary>
    public static byte[] ToTsv(IEnumerable<KeyValuePair<string, long>> totals) =>
        Encoding.UTF8.GetBytes(string.Concat(totals.Select(t => $"{t.Key}\t{t.Value.ToString(CultureInfo.InvariantCulture)}\n")));
}
