using System.Globalization;
using System.Text;
using TestSupport;
using TestSupport.DuckDb;

namespace BigData.Cli.Tests.Storage;

/// <summary>A <c>--format</c>/<c>--compress</c> pair and how DuckDB reads its parts.</summary>
public sealed record FormatVariant(string Format, string Compress)
{
    public static IReadOnlyList<FormatVariant> All { get; } =
    [
        new("tsv", "gzip"),
        new("csv", "none"), new("csv", "gzip"),
        new("jsonl", "none"), new("jsonl", "gzip"),
        new("parquet", "none"), new("parquet", "gzip"),
    ];

    public string Name => Format + "-" + Compress;

    /// <summary>SQL giving (key, count) for every part in <paramref name="directory"/>.</summary>
    public string Sql(string directory)
    {
        // The globs name only parts (never _counters.json); DuckDB picks gzip by the .gz extension.
        var parts = DuckDbQuery.Literal(Path.Combine(directory, "part-*"));
        const string Columns = "columns = {'key': 'VARCHAR', 'count': 'BIGINT'}";
        return Format switch
        {
            // No quoting in TSV: a key is every byte up to the TAB.
            "tsv" => $"SELECT key, count FROM read_csv({parts}, header = false, delim = '\t', quote = '', escape = '', {Columns})",
            "csv" => $"SELECT key, count FROM read_csv({parts}, header = true, delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false, {Columns})",
            "jsonl" => $"SELECT key, count FROM read_json({parts}, format = 'newline_delimited', {Columns})",
            // No column types given: the file's own schema must say VARCHAR and BIGINT.
            _ => $"SELECT key, count, typeof(key) AS key_type, typeof(count) AS count_type FROM read_parquet({parts})",
        };
    }

    public override string ToString() => Name;
}

/// <summary>An input the format tests run on, with its golden output.</summary>
public sealed record FormatInput(string Name, string Path, string Golden)
{
    public static IReadOnlyList<FormatInput> All { get; } =
    [
        new("sample", RepoPaths.Sample, RepoPaths.Of("data", "sample.origin.expected.tsv")),

        // Non-ASCII keys (http://bÜcher.example) must come back as the same UTF-8.
        new("authority", System.IO.Path.Combine(RepoPaths.Fixtures, "authority.warc"), System.IO.Path.Combine(RepoPaths.Fixtures, "authority.warc.origin.expected.tsv")),
    ];

    public static FormatInput Named(string name) => All.Single(i => i.Name == name);

    public override string ToString() => Name;
}

/// <summary>
/// Runs <c>bigdata count</c> once per input in TSV and once per input and <see cref="FormatVariant"/>, then reads every
/// output directory back with DuckDB in a single node process (process starts are the expensive part).
/// </summary>
public sealed class OutputFormatFixture : IDisposable
{
    private readonly TempDirectory _temp = new("bigdata-cli-formats");
    private readonly Dictionary<string, CountRun> _runs = [];
    private readonly IReadOnlyDictionary<string, DuckDbResult> _results;

    public OutputFormatFixture()
    {
        var statements = new List<(string Id, string Sql)>();
        foreach (var input in FormatInput.All)
        {
            _runs[input.Name] = CountRuns.ToDirectory(_temp, input.Path);
            foreach (var variant in FormatVariant.All)
            {
                var run = CountRuns.ToDirectory(_temp, input.Path, "--format", variant.Format, "--compress", variant.Compress);
                _runs[Id(input, variant)] = run;
                statements.Add((Id(input, variant), variant.Sql(run.Directory)));
            }
        }

        _results = DuckDbQuery.Run(statements);
    }

    /// <summary>The TSV run of <paramref name="input"/>.</summary>
    public CountRun Tsv(FormatInput input) => _runs[input.Name];

    public CountRun Run(FormatInput input, FormatVariant variant) => _runs[Id(input, variant)];

    /// <summary>DuckDB's rows for the run; a failed statement fails the test with DuckDB's message.</summary>
    public DuckDbResult Read(FormatInput input, FormatVariant variant)
    {
        var result = _results[Id(input, variant)];
        Assert.True(result.Error == null, $"DuckDB could not read {Run(input, variant).Directory}: {result.Error}");
        return result;
    }

    /// <summary>DuckDB's rows as key&lt;TAB&gt;count lines (UTF-8), to compare with the TSV output.</summary>
    public static byte[] AsTsv(DuckDbResult result)
    {
        var text = new StringBuilder();
        for (var row = 0; row < result.Rows.Count; row++)
        {
            var count = long.Parse(result.Value(row, "count").GetString()!, CultureInfo.InvariantCulture);
            text.Append(result.Value(row, "key").GetString()).Append('\t').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public void Dispose() => _temp.Dispose();

    private static string Id(FormatInput input, FormatVariant variant) => input.Name + "/" + variant.Name;
}
