using System.Globalization;

namespace BigData.Cli;

/// <summary>Parses durations such as <c>500ms</c>, <c>2s</c>, <c>1.5m</c> or a plain number of seconds.</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/> into a positive duration; false with a reason on bad input.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        var s = text.Trim();
        var unitMs = 1000m;
        foreach (var (suffix, factor) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                unitMs = factor;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            error = $"'{text}' is not a duration: use a positive number with ms, s or m, for example 500ms or 30s";
            return false;
        }

        var ms = value * unitMs;
        if (ms < 1 || ms > (decimal)TimeSpan.FromDays(1).TotalMilliseconds)
        {
            error = $"'{text}' is out of range (1ms to 1 day)";
            return false;
        }

        duration = TimeSpan.FromMilliseconds((double)ms);
        return true;
    }

    // "ms" before "m" and "s", so that "500ms" is not read as minutes or seconds.
    private static readonly (string Suffix, decimal Milliseconds)[] Units = [("ms", 1m), ("s", 1000m), ("m", 60_000m)];
}
