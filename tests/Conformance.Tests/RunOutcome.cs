namespace Conformance.Tests;

/// <summary>What one runner produced for one invocation: exit code, sorted key&lt;TAB&gt;count bytes, counters, stderr.</summary>
public sealed record RunOutcome(int ExitCode, byte[] Tsv, IReadOnlyDictionary<string, long> Counters, string Stderr)
{
    /// <summary>A counter's value, or 0 when the runner did not report it.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var v) ? v : 0;
}
