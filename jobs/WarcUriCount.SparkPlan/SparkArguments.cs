using System.Globalization;

namespace WarcUriCount.SparkPlan;

/// <summary>
/// Parses the driver's command line: <c>[options] INPUT...</c> as <c>bigdata count</c> takes it, plus the
/// Spark-only <c>--overwrite</c>. Options that Spark cannot honour exactly are refused with
/// a message that says why, never ignored.
/// </summary>
public static class SparkArguments
{
    /// <summary>The usage text printed by <c>--help</c> and after an error.</summary>
    public const string Usage =
        """
        usage: WarcUriCount.Spark [options] INPUT...
          INPUT                  file, directory or glob: path (cluster default FS), file://, hdfs://, s3a://, s3:// (EMR), ...
          --manifest PATH        a file listing one input per line (plain or .gz), like Common Crawl's warc.paths.gz (repeatable)
          --input-base-url URL   prefix for relative manifest entries, for example s3a://commoncrawl/
          --key origin|host|seed key rule (default origin)
          --types T1,T2          count only these WARC-Type values, case-insensitive (origin and host only; default all)
          --output DIR           output directory (required)
          --format F             parquet (default), csv, tsv or jsonl
          --partitions N         number of output part files, range-partitioned and sorted by key
          --overwrite            replace an existing output directory (default: fail)
          --max-failed-files N   leave out up to N files the plan cannot count exactly, as failed files (default 0: fail the job)
          --help                 this text
        """;

    /// <summary>Parses <paramref name="args"/>; never throws for bad input.</summary>
    public static ArgumentParseResult Parse(IReadOnlyList<string> args)
    {
        var options = new SparkJobOptions();
        var inputs = new List<string>();
        var manifests = new List<string>();
        var onlyInputsFollow = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyInputsFollow || !arg.StartsWith('-') || arg == "-")
            {
                if (arg == "-")
                {
                    return ArgumentParseResult.Fail("input '-' (stdin) is not supported by the Spark runner: Spark reads files through Hadoop file systems");
                }

                inputs.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyInputsFollow = true;
                continue;
            }

            // --name=value is accepted as well as --name value.
            string name = arg;
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }

            string? error = null;
            string Value()
            {
                if (inlineValue != null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    error = $"option {name} needs a value";
                    return "";
                }

                return args[++i];
            }

            switch (name)
            {
                case "--help":
                case "-h":
                    return ArgumentParseResult.Help();
                case "--manifest":
                    manifests.Add(Value());
                    break;
                case "--input-base-url":
                    options = options with { InputBaseUrl = Value() };
                    break;
                case "--key":
                    var key = Value();
                    if (error == null)
                    {
                        if (!TryParseKey(key, out var rule))
                        {
                            return ArgumentParseResult.Fail($"unknown --key '{key}': expected origin, host or seed");
                        }

                        options = options with { Key = rule };
                    }

                    break;
                case "--types":
                    var types = Value();
                    if (error == null)
                    {
                        var list = ParseTypes(types);
                        if (list == null)
                        {
                            // As the local runner (WarcUriCountOptions.ParseTypes): an empty name is a mistake, not a wildcard.
                            return ArgumentParseResult.Fail(
                                $"--types '{types}' has an empty type name: give a comma list of WARC-Type values such as 'response,revisit'");
                        }

                        options = options with { Types = list };
                    }

                    break;
                case "--output":
                case "-o":
                    options = options with { Output = Value() };
                    break;
                case "--format":
                    var format = Value();
                    if (error == null)
                    {
                        if (!TryParseFormat(format, out var f))
                        {
                            return ArgumentParseResult.Fail($"unknown --format '{format}': expected parquet, csv, tsv or jsonl");
                        }

                        options = options with { Format = f };
                    }

                    break;
                case "--partitions":
                    var partitions = Value();
                    if (error == null)
                    {
                        if (!int.TryParse(partitions, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                        {
                            return ArgumentParseResult.Fail($"--partitions must be a positive integer, not '{partitions}'");
                        }

                        options = options with { Partitions = n };
                    }

                    break;
                case "--overwrite":
                    options = options with { Overwrite = true };
                    break;
                case "--max-failed-files":
                    var maxFailed = Value();
                    if (error == null)
                    {
                        if (!int.TryParse(maxFailed, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                        {
                            return ArgumentParseResult.Fail($"--max-failed-files must be a non-negative integer, not '{maxFailed}'");
                        }

                        options = options with { MaxFailedFiles = m };
                    }

                    break;
                default:
                    return ArgumentParseResult.Fail(RefusalFor(name) ?? $"unknown option {name}");
            }

            if (error != null)
            {
                return ArgumentParseResult.Fail(error);
            }
        }

        options = options with { Inputs = inputs, Manifests = manifests };
        var problem = Validate(options);
        return problem == null ? ArgumentParseResult.Ok(options) : ArgumentParseResult.Fail(problem);
    }

    /// <summary>
    /// Lowercases (ASCII only, as WARC-Type values are compared), trims and de-duplicates a comma list; null when a name
    /// is empty.
    /// </summary>
    internal static List<string>? ParseTypes(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        return names.Any(n => n.Length == 0) ? null : [.. names.Select(AsciiLower).Distinct(StringComparer.Ordinal)];
    }

    internal static string AsciiLower(string s) =>
        string.Create(s.Length, s, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                dest[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });

    private static bool TryParseKey(string value, out KeyRule rule)
    {
        rule = value switch
        {
            "origin" => KeyRule.Origin,
            "host" => KeyRule.Host,
            "seed" => KeyRule.Seed,
            _ => (KeyRule)(-1),
        };
        return Enum.IsDefined(rule);
    }

    private static bool TryParseFormat(string value, out OutputFormat format)
    {
        format = value switch
        {
            "parquet" => OutputFormat.Parquet,
            "csv" => OutputFormat.Csv,
            "tsv" => OutputFormat.Tsv,
            "jsonl" => OutputFormat.Jsonl,
            _ => (OutputFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>Options of <c>bigdata count</c> that the Spark runner refuses, with the reason.</summary>
    private static string? RefusalFor(string name) => name switch
    {
        "--memory" => "--memory is not a Spark option: size the executors with spark-submit's --executor-memory instead",
        "--strict" => "--strict is not supported by the Spark runner: Spark does not parse records one by one; files it cannot count exactly fail the job unless --max-failed-files allows them",
        "--gzip" or "--compress" => $"{name} is not supported by the Spark runner yet: use spark-submit --conf spark.sql.<format>.compression.codec if you need it",
        _ => null,
    };

    private static string? Validate(SparkJobOptions o)
    {
        if (o.Inputs.Count == 0 && o.Manifests.Count == 0)
        {
            return "no input: give at least one INPUT or --manifest PATH";
        }

        if (string.IsNullOrEmpty(o.Output))
        {
            return "--output DIR is required";
        }

        if (o.Output == "-")
        {
            return "--output - (sorted TSV on stdout) is not supported by the Spark runner: use --output DIR --format tsv and read DIR/part-*";
        }

        if (o.Key == KeyRule.Seed && o.Types != null)
        {
            return "--types does not apply to --key seed: the seed rule is line-oriented and never sees records";
        }

        if (o.InputBaseUrl != null && o.Manifests.Count == 0)
        {
            return "--input-base-url only applies to entries of a --manifest";
        }

        foreach (var location in o.Inputs.Concat(o.Manifests).Append(o.Output))
        {
            var refusal = InputLocations.Refusal(location);
            if (refusal != null)
            {
                return refusal;
            }
        }

        return null;
    }
}
