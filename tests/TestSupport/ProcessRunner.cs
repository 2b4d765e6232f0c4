using System.Diagnostics;

namespace TestSupport;

/// <summary>The outcome of a real process run.</summary>
public sealed record ProcessResult(int ExitCode, byte[] Stdout, string Stderr)
{
    /// <summary>Stdout decoded as UTF-8.</summary>
    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);
}

/// <summary>Runs a real process with bytes on stdin, capturing stdout as bytes and stderr as text.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and waits (at most <paramref name="timeout"/>, default 5 minutes).</summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        byte[]? stdin = null,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        if (environment != null)
        {
            foreach (var (k, v) in environment)
            {
                // A null value removes the variable rather than passing it on empty.
                if (v == null)
                {
                    info.Environment.Remove(k);
                }
                else
                {
                    info.Environment[k] = v;
                }
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdoutTask = Task.Run(() =>
        {
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            return ms.ToArray();
        });
        var stderrTask = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin != null)
            {
                process.StandardInput.BaseStream.Write(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process may exit before reading all its input; its exit code tells the story.
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    /// <summary>Runs a shell pipeline with bash -c (for `LC_ALL=C sort` and friends).</summary>
    public static ProcessResult Bash(string script, byte[]? stdin = null, IDictionary<string, string?>? environment = null) =>
        Run("bash", ["-c", "set -o pipefail; " + script], stdin, environment);
}
