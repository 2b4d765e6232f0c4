using System.Text;

namespace WarcUriCount.Streaming;

/// <summary>
/// What a streaming task talks to: stdin, stdout (result lines only), stderr (log, counters, status) and the
/// environment. The real process uses its own; in-process tests pass theirs.
/// </summary>
public sealed record StreamingConsole(Stream Input, Stream Output, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>The process's streams and environment. Stderr is flushed line by line by the reporter, not per write.</summary>
    public static StreamingConsole Process() => new(
        Console.OpenStandardInput(),
        Console.OpenStandardOutput(),
        new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 4096) { AutoFlush = false },
        System.Environment.GetEnvironmentVariable);
}
