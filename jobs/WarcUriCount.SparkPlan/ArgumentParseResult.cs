namespace WarcUriCount.SparkPlan;

/// <summary>The outcome of <see cref="SparkArguments.Parse"/>: options, a help request, or an error message.</summary>
public sealed record ArgumentParseResult(SparkJobOptions? Options, string? Error, bool HelpRequested)
{
    internal static ArgumentParseResult Ok(SparkJobOptions options) => new(options, null, false);

    internal static ArgumentParseResult Fail(string error) => new(null, error, false);

    internal static ArgumentParseResult Help() => new(null, null, true);
}
