namespace WarcUriCount.Keys;

/// <summary>How warc-uri-count turns input into keys (DESIGN.md §5, the CLI's <c>--key</c>).</summary>
public enum KeyRule
{
    /// <summary><c>scheme://host[:port]</c> of each record's <c>WARC-Target-URI</c> (record-aware). The default.</summary>
    Origin,

    /// <summary>The host of each record's <c>WARC-Target-URI</c>, as <see cref="Origin"/> without scheme and port.</summary>
    Host,

    /// <summary>Exactly what the classic Python streaming mapper prints (line-oriented, payload lines included).</summary>
    Seed,
}

/// <summary>The CLI names of <see cref="KeyRule"/>: <c>origin</c>, <c>host</c>, <c>seed</c>.</summary>
public static class KeyRules
{
    /// <summary>The names accepted by <see cref="Parse"/>, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["origin", "host", "seed"];

    /// <summary>The CLI name of <paramref name="rule"/>.</summary>
    public static string ToName(this KeyRule rule) => rule switch
    {
        KeyRule.Origin => "origin",
        KeyRule.Host => "host",
        KeyRule.Seed => "seed",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown key rule"),
    };

    /// <summary>Parses a CLI name (ASCII case-insensitive, no surrounding spaces allowed).</summary>
    public static bool TryParse(string? name, out KeyRule rule)
    {
        foreach (var candidate in (ReadOnlySpan<KeyRule>)[KeyRule.Origin, KeyRule.Host, KeyRule.Seed])
        {
            if (string.Equals(name, candidate.ToName(), StringComparison.OrdinalIgnoreCase))
            {
                rule = candidate;
                return true;
            }
        }

        rule = default;
        return false;
    }

    /// <summary>Parses a CLI name, or throws an <see cref="ArgumentException"/> that lists the valid names.</summary>
    public static KeyRule Parse(string? name) =>
        TryParse(name, out var rule)
            ? rule
            : throw new ArgumentException(
                $"unknown key rule '{name}' for --key: expected one of {string.Join(", ", Names)}", nameof(name));
}
