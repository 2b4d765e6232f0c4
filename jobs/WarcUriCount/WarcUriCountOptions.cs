using WarcUriCount.Keys;

namespace WarcUriCount;

/// <summary>The options of warc-uri-count (DESIGN.md §5). Immutable; <see cref="Validate"/> checks the combination.</summary>
public sealed record WarcUriCountOptions
{
    /// <summary>The options with every default.</summary>
    public static WarcUriCountOptions Default { get; } = new();

    /// <summary>The key rule (<c>--key</c>). Default: <see cref="KeyRule.Origin"/>.</summary>
    public KeyRule Key { get; init; } = KeyRule.Origin;

    /// <summary>
    /// The <c>WARC-Type</c> values to count (<c>--types</c>, ASCII case-insensitive), or null for every record
    /// that has a target URI, which matches the classic job. Default: null. Common Crawl writes a request, a response
    /// and a metadata record per capture, so <c>response</c> alone counts captures. Not allowed with
    /// <see cref="KeyRule.Seed"/>.
    /// </summary>
    public IReadOnlySet<string>? Types { get; init; }

    /// <summary>
    /// Builds validated options from the CLI's values: <paramref name="key"/> as for <c>--key</c> (null means the
    /// default) and <paramref name="types"/> as for <c>--types</c> (a comma list, or null for no filter).
    /// </summary>
    /// <exception cref="ArgumentException">A value or the combination is invalid; the message says which and why.</exception>
    public static WarcUriCountOptions FromCommandLine(string? key, string? types)
    {
        var options = new WarcUriCountOptions
        {
            Key = key is null ? KeyRule.Origin : KeyRules.Parse(key),
            Types = types is null ? null : ParseTypes(types),
        };
        options.Validate();
        return options;
    }

    /// <summary>
    /// Parses a <c>--types</c> comma list such as <c>response,revisit</c> into a case-insensitive set. Spaces around a
    /// name are ignored; an empty name (<c>""</c>, <c>"response,"</c>, <c>"a,,b"</c>) is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The list holds an empty name.</exception>
    public static IReadOnlySet<string> ParseTypes(string commaList)
    {
        ArgumentNullException.ThrowIfNull(commaList);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in commaList.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                throw new ArgumentException(
                    $"--types '{commaList}' has an empty type name: give a comma list of WARC-Type values such as 'response,revisit'",
                    nameof(commaList));
            }

            set.Add(name);
        }

        return set;
    }

    /// <summary>Checks the combination of options.</summary>
    /// <exception cref="ArgumentException">The options cannot run; the message says why.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Key))
        {
            throw new ArgumentException($"unknown key rule {(int)Key}: expected one of {string.Join(", ", KeyRules.Names)}", nameof(Key));
        }

        if (Types is null)
        {
            return;
        }

        if (Key == KeyRule.Seed)
        {
            throw new ArgumentException(
                "--types cannot be used with --key seed: seed is line-oriented and cannot filter by record type", nameof(Types));
        }

        if (Types.Count == 0)
        {
            throw new ArgumentException("--types is empty: give at least one WARC-Type such as 'response'", nameof(Types));
        }

        foreach (var name in Types)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("--types has an empty type name", nameof(Types));
            }

            if (name.Contains(',', StringComparison.Ordinal) || name.Trim().Length != name.Length)
            {
                throw new ArgumentException(
                    $"--types has the name '{name}', which has a comma or surrounding spaces: give names one by one", nameof(Types));
            }
        }
    }
}
