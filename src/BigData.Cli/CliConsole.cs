namespace BigData.Cli;

/// <summary>
/// The streams a command talks to. The real process uses the process's own; in-process tests pass their own.
/// <see cref="Data"/> is for result bytes (<c>--output -</c>): nothing else is ever written to it.
/// </summary>
public sealed record CliConsole(Stream Data, TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The process's stdout/stderr.</summary>
    public static CliConsole System { get; } = new(
        Console.OpenStandardOutput(),
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"));
}
