using TestSupport;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>The hand-made fixture set (tests/fixtures) as the streaming tests use it.</summary>
internal static class Fixtures
{
    /// <summary>
    /// Fixtures the warc input style cannot read as the local runner does, because Hadoop's TextInputFormat picks a
    /// codec by file NAME and fails the task on a damaged stream (see NOTES-streaming.md); each has its own test in
    /// <c>WarcStyleDifferencesTests</c>.
    /// </summary>
    public static readonly string[] WarcStyleDifferences = ["gzip-named.warc", "plain-named.warc.gz", "truncated.warc.gz"];

    /// <summary>Every input file of the fixture set (archives and the HTML page), by name.</summary>
    public static IReadOnlyList<string> All { get; } = Directory.GetFiles(RepoPaths.Fixtures)
        .Select(System.IO.Path.GetFileName)
        .Where(n => !n!.EndsWith(".tsv", StringComparison.Ordinal) && !n.EndsWith(".md", StringComparison.Ordinal) && !n.EndsWith(".py", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList()!;

    /// <summary>The fixture files a style reads exactly as the local runner does, as full paths.</summary>
    public static IReadOnlyList<string> For(string style) =>
        [.. All.Where(n => style != "warc" || !WarcStyleDifferences.Contains(n)).Select(Path)];

    /// <summary>The full path of fixture <paramref name="name"/>.</summary>
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.Fixtures, name);

    /// <summary>The sample's files, as full paths.</summary>
    public static IReadOnlyList<string> Sample => [.. Directory.GetFiles(RepoPaths.Sample).Order(StringComparer.Ordinal)];
}
