using System.Globalization;
using BigData.MapReduce.Options;
using BigData.MapReduce.Streaming;

namespace WarcUriCount.Streaming;

/// <summary>A problem with the command line: reported in one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Parses <c>warc-uri-count &lt;map|combine|reduce&gt; [options]</c>. Hand-written rather than System.CommandLine:
/// a streaming job starts one process per task, and this keeps start-up to the runtime's own. Values are checked with
/// the same parsers as <c>bigdata count</c> (<see cref="WarcUriCountOptions.FromCommandLine"/>,
/// <see cref="ByteSizeParser"/>). Every subcommand accepts every option, so one option string can be given to the
/// mapper, combiner and reducer alike; combine and reduce ignore those that only concern reading input.
/// </summary>
public static class StreamingCommandLine
{
    /// <summary>Options of <c>bigdata count</c> that make no sense for one streaming task, and what to do instead.</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["--output"] = "a streaming task writes to stdout; give the hadoop command's -output",
        ["-o"] = "a streaming task writes to stdout; give the hadoop command's -output",
        ["--workers"] = "Hadoop runs one process per task; use more map tasks instead",
        ["--reducers"] = "the number of reducers is the hadoop command's -numReduceTasks",
        ["--format"] = "streaming output is key<TAB>count text (TextOutputFormat)",
        ["--compress"] = "compress the job's output with -D mapreduce.output.fileoutputformat.compress=true",
        ["--overwrite"] = "Hadoop refuses an existing -output directory; remove it first",
        ["--manifest"] = "give the locations on stdin (the hadoop command's -input is the list)",
        ["--limit"] = "select the inputs in the list you give Hadoop",
        ["--sample"] = "select the inputs in the list you give Hadoop",
        ["--seed"] = "select the inputs in the list you give Hadoop",
    };

    /// <summary>
    /// Parses <paramref name="args"/>. Returns null when help was asked for (<c>-h</c>, <c>--help</c>, no arguments).
    /// </summary>
    /// <exception cref="UsageException">The arguments are wrong; the message says which and why.</exception>
    public static StreamingRequest? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        var stage = args[0] switch
        {
            "map" => StreamStage.Map,
            "combine" => StreamStage.Combine,
            "reduce" => StreamStage.Reduce,
            _ => throw new UsageException($"unknown command '{args[0]}': expected map, combine or reduce"),
        };

        var request = new StreamingRequest { Stage = stage };
        var map = StreamMapTaskOptions.Default;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            string name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (Refused.TryGetValue(name, out var instead))
            {
                throw new UsageException($"{name} is a bigdata count option with no meaning for a streaming task: {instead}");
            }

            if (!name.StartsWith('-'))
            {
                throw new UsageException($"unexpected argument '{arg}': a streaming task reads its input from stdin");
            }

            switch (name)
            {
                case "--strict":
                    NoValue(name, inline);
                    map = map with { Strict = true };
                    continue;
                case "--s3-anonymous":
                    NoValue(name, inline);
                    request = request with { S3Anonymous = true };
                    continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value"));
            switch (name)
            {
                case "--key":
                    request = request with { Key = value };
                    break;
                case "--types":
                    request = request with { Types = value };
                    break;
                case "--memory":
                    map = map with { MemoryBytes = Size(name, value) };
                    break;
                case "--max-attempts":
                    map = map with { MaxAttempts = Integer(name, value, min: 1) };
                    break;
                case "--max-failed-files":
                    map = map with { MaxFailedFiles = Integer(name, value, min: 0) };
                    break;
                case "--temp-dir":
                    map = map with { TempDirectory = value };
                    break;
                case "--input-style":
                    request = request with { InputStyle = InputStyle(value) };
                    break;
                case "--input-base-url":
                    request = request with { InputBaseUrl = value };
                    break;
                case "--s3-region":
                    request = request with { S3Region = value };
                    break;
                case "--s3-endpoint":
                    request = request with { S3Endpoint = value };
                    break;
                case "--status-interval":
                    request = request with { StatusInterval = Seconds(name, value) };
                    break;
                case "--max-line-bytes":
                    request = request with { MaxLineBytes = (int)Math.Min(Size(name, value), int.MaxValue - 1) };
                    break;
                default:
                    throw new UsageException($"unknown option '{name}' (see warc-uri-count --help)");
            }
        }

        // The job options are checked by every subcommand, so a typo fails the first task, not only the mappers.
        if (request.Key != null || request.Types != null)
        {
            try
            {
                _ = WarcUriCountOptions.FromCommandLine(request.Key, request.Types);
            }
            catch (ArgumentException e)
            {
                // Without the " (Parameter 'x')" suffix, which names a C# parameter, not an option.
                var message = e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
                throw new UsageException(message);
            }
        }

        return request with { Map = map };
    }

    private static void NoValue(string name, string? inline)
    {
        if (inline != null)
        {
            throw new UsageException($"{name} takes no value");
        }
    }

    private static long Size(string name, string value) =>
        ByteSizeParser.TryParse(value, out var bytes, out var error) ? bytes : throw new UsageException($"{name}: {error}");

    private static int Integer(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{name} must be a whole number of at least {min} (got '{value}')");

    private static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86_400
            ? TimeSpan.FromSeconds(s)
            : throw new UsageException($"{name} must be a number of seconds above 0 (got '{value}')");

    private static StreamInputStyle InputStyle(string value) => value switch
    {
        "warc" => StreamInputStyle.Warc,
        "locations" => StreamInputStyle.Locations,
        "auto" => StreamInputStyle.Auto,
        _ => throw new UsageException($"--input-style must be warc, locations or auto (got '{value}')"),
    };
}
