using System.CommandLine;

namespace BigData.Cli.Commands;

/// <summary>Validation that names the option in its message (System.CommandLine's own messages do not).</summary>
public static class OptionRules
{
    /// <summary>Accepts only <paramref name="allowed"/> (ordinal, case-sensitive), and lists them for completion.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] allowed)
    {
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} must be one of {string.Join(", ", allowed)} (got '{value}')");
            }
        });
        return option;
    }
}
