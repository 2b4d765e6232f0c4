using System.Text.Json;

namespace Conformance.Tests;

/// <summary>Reads a committed output directory back: every part merged in ordinal byte order, and _counters.json.</summary>
public static class OutputDirectory
{
    /// <summary>All lines of all part files, sorted as <c>LC_ALL=C sort</c> would.</summary>
    public static byte[] ReadSortedParts(string directory)
    {
        var lines = new List<byte[]>();
        foreach (var part in Directory.GetFiles(directory, "part-*").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(part);
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lines.Add(bytes[start..(i + 1)]);
                    start = i + 1;
                }
            }

            Assert.True(start == bytes.Length, $"{part} does not end with a newline");
        }

        lines.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        return lines.SelectMany(l => l).ToArray();
    }

    /// <summary>The counters of <c>_counters.json</c> (an object with a "counters" object of name → number).</summary>
    public static Dictionary<string, long> ReadCounters(string directory)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "_counters.json")));
        return doc.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }
}
