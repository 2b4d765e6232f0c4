namespace BigData.Cli;

/// <summary>Process exit codes of the <c>bigdata</c> command (documented in README.md).</summary>
public static class ExitCodes
{
    /// <summary>The job succeeded (some files may have failed within --max-failed-files; they are listed).</summary>
    public const int Ok = 0;

    /// <summary>The job ran and failed: too many failed files, or an error while writing the output.</summary>
    public const int JobFailed = 1;

    /// <summary>Bad arguments or inputs that cannot be resolved; nothing ran.</summary>
    public const int Usage = 2;
}

/// <summary>A problem with the command line or the inputs it names: reported in one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
