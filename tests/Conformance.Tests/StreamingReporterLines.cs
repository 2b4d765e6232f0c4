using System.Globalization;

namespace Conformance.Tests;

/// <summary>Reads what a streaming task wrote on stderr the way Hadoop Streaming does.</summary>
public static class StreamingReporterLines
{
    /// <summary>
    /// The counters of group <paramref name="group"/>: every <c>reporter:counter:group,name,n</c> line adds n to the
    /// counter, as in Hadoop.
    /// </summary>
    public static Dictionary<string, long> Counters(string stderr, string group = "warc-uri-count")
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        AddCounters(counters, stderr, group);
        return counters;
    }

    /// <summary>Adds the counter lines of <paramref name="stderr"/> into <paramref name="counters"/>.</summary>
    public static void AddCounters(Dictionary<string, long> counters, string stderr, string group = "warc-uri-count")
    {
        var prefix = "reporter:counter:" + group + ",";
        foreach (var line in stderr.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[prefix.Length..];
            var comma = rest.LastIndexOf(',');
            Assert.True(comma > 0, "malformed counter line: " + line);
            var value = long.Parse(rest[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            counters[rest[..comma]] = counters.GetValueOrDefault(rest[..comma]) + value;
        }
    }

    /// <summary>The texts of the <c>reporter:status:</c> lines.</summary>
    public static List<string> StatusLines(string stderr) =>
        stderr.Split('\n').Where(l => l.StartsWith("reporter:status:", StringComparison.Ordinal)).Select(l => l["reporter:status:".Length..]).ToList();
}
