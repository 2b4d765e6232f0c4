namespace WarcUriCount.SparkPlan;

/// <summary>
/// The <c>origin</c> and <c>host</c> rules of DESIGN.md §5 as built-in Spark SQL over a <c>uri</c> column. Each stage
/// carries the columns named in <c>carry</c> through, and the last one adds <c>key</c> (NULL: no key).
/// </summary>
public static class KeyExpressions
{
    /// <summary>Default ports that are dropped, as <c>scheme:port</c>.</summary>
    public static IReadOnlyList<string> DefaultPorts { get; } = ["http:80", "https:443", "ws:80", "wss:443", "ftp:21"];

    internal static IReadOnlyList<IReadOnlyList<string>> Stages(KeyRule rule, IReadOnlyList<string> carry)
    {
        if (rule == KeyRule.Seed)
        {
            throw new ArgumentException("the seed rule is line-oriented; see SeedExpressions", nameof(rule));
        }

        string[] With(params string[] columns) => [.. carry, .. columns];
        var isIpv6 = Sql.RLike("k_hp", JavaRegex.Ipv6Start);

        var port = $"IF(k_port = '' OR concat(k_scheme, ':', k_port) IN ({SqlText.LiteralList(DefaultPorts)}), '', concat(':', k_port))";
        var key = rule == KeyRule.Origin ? $"concat(k_scheme, '://', k_host, {port})" : "k_host";

        return
        [
            With(
                Sql.As(Sql.RegexpExtract("uri", JavaRegex.Scheme, 1), "k_scheme_raw"),
                Sql.As(Sql.RegexpExtract("uri", JavaRegex.Authority, 1), "k_auth")),
            With(
                "k_scheme_raw",
                // Steps 1 and 3: a scheme followed by //, and no whitespace or control byte anywhere in the authority.
                $"k_scheme_raw <> '' AND NOT {Sql.RLike("k_auth", JavaRegex.ControlOrSpace)} AS k_auth_ok",
                Sql.As(Sql.RegexpReplace("k_auth", JavaRegex.UserInfo, ""), "k_hp")),
            With(
                "k_scheme_raw", "k_auth_ok",
                // Step 4: a non-empty IPv6 literal may only be followed by ":" and a port (anything, as OriginKey).
                $"NOT {isIpv6} OR {Sql.RLike("k_hp", JavaRegex.Ipv6HostPort)} AS k_v6_ok",
                $"IF({isIpv6}, {Sql.RegexpExtract("k_hp", JavaRegex.Ipv6HostPort, 1)}, {Sql.RegexpReplace("k_hp", JavaRegex.LastColonPort, "")}) AS k_host_raw",
                $"IF({isIpv6}, {Sql.RegexpExtract("k_hp", JavaRegex.Ipv6HostPort, 2)}, {Sql.RegexpExtract("k_hp", JavaRegex.LastColonPort, 1)}) AS k_port_raw"),
            With(
                "k_auth_ok", "k_v6_ok",
                Sql.As(Sql.AsciiLower("k_scheme_raw"), "k_scheme"),
                // Step 5: ASCII letters only, escapes kept, one trailing dot dropped.
                Sql.As(Sql.RegexpReplace(Sql.AsciiLowerKeepingEscapes("k_host_raw"), JavaRegex.TrailingDot, ""), "k_host"),
                // Step 6: a port of digits loses its leading zeros (one zero stays).
                $"IF({Sql.RLike("k_port_raw", JavaRegex.Digits)}, {Sql.RegexpReplace("k_port_raw", JavaRegex.LeadingZeros, "")}, k_port_raw) AS k_port"),
            With(
                $"IF(k_auth_ok AND k_v6_ok AND k_host <> '', {key}, NULL) AS key"),
        ];
    }
}
