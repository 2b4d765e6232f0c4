using System.Globalization;

namespace BigData.MapReduce.Options;

/// <summary>
/// Parses sizes such as <c>512MB</c>, <c>2GB</c>, <c>64KB</c> or a plain byte count (binary units: 1 KB = 1024 bytes):
/// the <c>--memory</c> option of every runner (the <c>bigdata</c> CLI and the streaming executable share it).
/// </summary>
public static class ByteSizeParser
{
    /// <summary>Parses <paramref name="text"/>; false with a reason on bad input.</summary>
    public static bool TryParse(string text, out long bytes, out string error)
    {
        bytes = 0;
        error = "";
        var s = text.Trim();
        long unit = 1;
        foreach (var (suffix, factor) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                unit = factor;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            error = $"'{text}' is not a size: use a positive number with KB, MB or GB, for example 512MB";
            return false;
        }

        var total = value * unit;
        if (total > long.MaxValue)
        {
            error = $"'{text}' is too large";
            return false;
        }

        bytes = (long)total;
        return true;
    }

    // Longest suffixes first so that "MB" is not read as "B".
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1),
    ];
}
