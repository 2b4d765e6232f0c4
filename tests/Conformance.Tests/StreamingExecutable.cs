using TestSupport;

namespace Conformance.Tests;

/// <summary>
/// How tests start <c>warc-uri-count</c> as a real process: the built <c>warc-uri-count.dll</c> copied beside the test
/// assembly by the project reference (run with <c>dotnet</c>), or the published single-file executable.
/// </summary>
public sealed record StreamingExecutable(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The build output next to the test assembly.</summary>
    public static StreamingExecutable Built { get; } = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "warc-uri-count.dll")]);

    /// <summary>Where scripts/publish-streaming.sh puts the self-contained executable.</summary>
    public static string PublishedPath => RepoPaths.Of("artifacts", "streaming", "warc-uri-count");

    /// <summary>The published executable.</summary>
    public static StreamingExecutable Published => new(PublishedPath, []);

    /// <summary>Runs one task with <paramref name="stdin"/> and extra environment variables.</summary>
    public ProcessResult Run(IEnumerable<string> arguments, byte[] stdin, IDictionary<string, string?>? environment = null) =>
        ProcessRunner.Run(FileName, [.. PrefixArguments, .. arguments], stdin, environment);
}
