using System.Globalization;
using System.Text;
using WarcUriCount;

namespace BigData.Cli.Terminal;

/// <summary>Renders the end-of-run summary as plain aligned text (readable in a terminal and in a log file).</summary>
public static class SummaryView
{
    /// <summary>Writes the summary to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, CountSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var mb = s.Counter(CounterNames.BytesRead) / 1e6;
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        writer.WriteLine();
        writer.WriteLine($"Output: {s.OutputLocation}");
        writer.WriteLine(string.Create(inv,
            $"Elapsed {s.Elapsed.TotalSeconds:F2} s; summed task time {s.TaskTime.TotalSeconds:F2} s; speed-up {s.SpeedUp:F2}x on {s.Workers} worker(s)"));
        writer.WriteLine(string.Create(inv,
            $"Read {mb:F1} MB compressed ({mb / seconds:F1} MB/s), {s.Counter(CounterNames.BytesUncompressed) / 1e6:F1} MB uncompressed ({s.Counter(CounterNames.BytesUncompressed) / 1e6 / seconds:F1} MB/s)"));
        writer.WriteLine("Map tasks per worker: " + string.Join(", ", s.TasksPerWorker.Select((n, i) => $"w{i}={n}")));

        writer.WriteLine();
        writer.WriteLine($"Top {s.TopKeys.Count} keys:");
        WriteTable(writer, s.TopKeys.Select(k => (Display(k.Key), k.Value.ToString("N0", inv))).ToList());

        writer.WriteLine();
        writer.WriteLine("Counters:");
        WriteTable(writer, s.Counters.Select(c => (c.Key, c.Value.ToString("N0", inv))).ToList());

        if (s.WarningSamples.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"Warnings (first {s.WarningSamples.Count}):");
            foreach (var w in s.WarningSamples)
            {
                writer.WriteLine("  " + w);
            }
        }

        if (s.FailedFiles.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"Failed files ({s.FailedFiles.Count}):");
            foreach (var (location, message) in s.FailedFiles)
            {
                writer.WriteLine($"  {location}: {message}");
            }
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<(string Left, string Right)> rows)
    {
        var leftWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Left.Length);
        var rightWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Right.Length);
        foreach (var (left, right) in rows)
        {
            writer.WriteLine("  " + left.PadRight(leftWidth) + "  " + right.PadLeft(rightWidth));
        }
    }

    /// <summary>Keys are bytes: shown as UTF-8, with invalid bytes as \xNN so nothing is hidden.</summary>
    private static string Display(byte[] key)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(key);
        }
        catch (DecoderFallbackException)
        {
            var sb = new StringBuilder();
            foreach (var b in key)
            {
                sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
            }

            return sb.ToString();
        }
    }
}
