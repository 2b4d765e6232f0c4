using System.Text;
using System.Text.Json;

namespace WarcUriCount.SparkPlan;

/// <summary>One row of the counter grouping set: how many plan rows had this status, type, problem and file.</summary>
public sealed record CounterRow(string Status, string? Type, string Problem, string? File, long Count);

/// <summary>
/// The DESIGN.md §6 counters that Spark computes, from the counter rows of the plan's aggregate, plus the rows the
/// plan could not count exactly. <c>bytes.read</c> and <c>bytes.uncompressed</c> are not reported: Hadoop's codec
/// streams do not expose them to a DataFrame plan.
/// </summary>
public sealed class CounterSummary
{
    /// <summary>How many files to name per problem kind.</summary>
    public const int MaxFilesNamed = 10;

    private CounterSummary(SortedDictionary<string, long> counters, Dictionary<string, SortedSet<string>> problemFiles, long problemRows)
    {
        Counters = counters;
        ProblemFiles = problemFiles.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Take(MaxFilesNamed).ToList(), StringComparer.Ordinal);
        AllProblemFiles = problemFiles.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ProblemRows = problemRows;
    }

    /// <summary>The counters, ordinal by name.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; }

    /// <summary>Up to <see cref="MaxFilesNamed"/> files per problem kind (ordinal order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ProblemFiles { get; }

    /// <summary>Every file with a problem row (ordinal order): the files a rerun leaves out.</summary>
    public IReadOnlyList<string> AllProblemFiles { get; }

    /// <summary>Rows the plan could not count exactly.</summary>
    public long ProblemRows { get; }

    /// <summary>
    /// Sums the counter rows. <paramref name="inputFiles"/> is the number of files Spark listed; <paramref name="failedFiles"/>
    /// of them were left out (a rerun without the files of <paramref name="firstPass"/>, whose <c>warnings.spark_*</c>
    /// counters are kept: they say what was found).
    /// </summary>
    public static CounterSummary From(IEnumerable<CounterRow> rows, KeyRule rule, int inputFiles, int failedFiles = 0, CounterSummary? firstPass = null)
    {
        var c = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            [CounterNames.FilesOk] = inputFiles - failedFiles,
            // Spark fails the whole job on a file it cannot read; only files the plan left out count as failed.
            [CounterNames.FilesFailed] = failedFiles,
        };
        var names = rule == KeyRule.Seed
            ? new[] { CounterNames.LinesTotal, CounterNames.LinesKeyed, CounterNames.LinesSeedError }
            : [CounterNames.RecordsTotal, CounterNames.RecordsKeyed, CounterNames.RecordsNoUri, CounterNames.RecordsNoHost, CounterNames.RecordsFiltered];
        foreach (var name in names)
        {
            c[name] = 0;
        }

        var kinds = rule == KeyRule.Seed ? ProblemKinds.Seed : ProblemKinds.All;
        foreach (var kind in kinds)
        {
            c[ProblemKinds.CounterName(kind)] = 0;
        }

        var files = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var types = new Dictionary<string, long>(StringComparer.Ordinal);
        long problems = 0;
        foreach (var row in rows)
        {
            if (rule == KeyRule.Seed)
            {
                c[CounterNames.LinesTotal] += row.Count;
                if (row.Status == RowStatus.Keyed)
                {
                    c[CounterNames.LinesKeyed] += row.Count;
                }
                else if (row.Status == RowStatus.SeedError)
                {
                    c[CounterNames.LinesSeedError] += row.Count;
                }
            }
            else if (row.Status != RowStatus.NotARecord)
            {
                c[CounterNames.RecordsTotal] += row.Count;
                var name = row.Status switch
                {
                    RowStatus.Keyed => CounterNames.RecordsKeyed,
                    RowStatus.NoUri => CounterNames.RecordsNoUri,
                    RowStatus.NoHost => CounterNames.RecordsNoHost,
                    RowStatus.Filtered => CounterNames.RecordsFiltered,
                    _ => throw new InvalidOperationException("unexpected status " + row.Status),
                };
                c[name] += row.Count;
                types[row.Type ?? ""] = types.GetValueOrDefault(row.Type ?? "") + row.Count;
            }

            if (row.Problem.Length > 0)
            {
                problems += row.Count;
                c[ProblemKinds.CounterName(row.Problem)] = c.GetValueOrDefault(ProblemKinds.CounterName(row.Problem)) + row.Count;
                if (row.File != null)
                {
                    if (!files.TryGetValue(row.Problem, out var set))
                    {
                        files[row.Problem] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(row.File);
                }
            }
        }

        foreach (var (name, count) in TypeCounters.Names(types))
        {
            c[name] = c.GetValueOrDefault(name) + count;
        }

        if (firstPass != null)
        {
            foreach (var (name, value) in firstPass.Counters.Where(p => p.Key.StartsWith(SparkWarningsPrefix, StringComparison.Ordinal)))
            {
                c[name] = value;
            }
        }

        return new CounterSummary(c, files, problems);
    }

    private const string SparkWarningsPrefix = CounterNames.WarningsPrefix + "spark_";

    /// <summary>One line per counter, <c>name&lt;TAB&gt;value</c>, ordinal by name.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in Counters)
        {
            sb.Append(name).Append('\t').Append(value).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The counters as one JSON object on one line, ordinal by name.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Counters)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What the plan could not count exactly, naming files, or <c>null</c> when every row was counted exactly.</summary>
    public string? ProblemMessage()
    {
        if (ProblemRows == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.Append(ProblemRows).Append(" row(s) in ").Append(AllProblemFiles.Count).Append(" file(s) could not be counted exactly by the Spark plan:\n");
        foreach (var (name, value) in Counters.Where(p => p.Key.StartsWith(SparkWarningsPrefix, StringComparison.Ordinal) && p.Value > 0))
        {
            var kind = name[SparkWarningsPrefix.Length..];
            sb.Append("  ").Append(name).Append(" = ").Append(value).Append(": ").Append(Explain(kind)).Append('\n');
            if (ProblemFiles.TryGetValue(kind, out var list))
            {
                foreach (var file in list)
                {
                    sb.Append("    in ").Append(file).Append('\n');
                }
            }
        }

        sb.Append("Count these files with the local runner (bigdata count); --max-failed-files N lets the Spark job leave up to N of them out.");
        return sb.ToString();
    }

    private static string Explain(string kind) => kind switch
    {
        ProblemKinds.NotARecord => "a row that does not start with a WARC/0.17, 0.18, 1.0 or 1.1 version line (not an archive, gzip without a .gz name, or bytes before the first record)",
        ProblemKinds.LengthMismatch => "a record whose row length disagrees with its Content-Length (a payload containing \"\\nWARC/\", a lowercase warc/ version line after the first record, or damage)",
        ProblemKinds.InvalidUtf8Key => "a key with bytes that are not valid UTF-8, which Spark's string functions would replace",
        ProblemKinds.HeaderTooLong => "a record whose header block is longer than 1 MiB, which the local reader drops",
        ProblemKinds.GzipWithoutGzName => "a line starting with the gzip magic bytes: a gzip file without a .gz name, which Hadoop reads undecompressed",
        _ => kind,
    };
}
