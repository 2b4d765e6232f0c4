using BigData.Storage.Outputs;
using TestSupport.DuckDb;
using TestSupport;

namespace BigData.Storage.Tests.Outputs;

/// <summary>A way of writing: a <c>--format</c> and <c>--compress</c> pair, and how DuckDB reads the result.</summary>
public sealed record OutputVariant(string Format, string Compress)
{
    public static IReadOnlyList<OutputVariant> All { get; } =
    [
        new("parquet", "none"), new("parquet", "gzip"),
        new("csv", "none"), new("csv", "gzip"),
        new("jsonl", "none"), new("jsonl", "gzip"),
    ];

    public bool IsParquet => Format == "parquet";

    public string Name => Format + "-" + Compress;

    public override string ToString() => Name;
}

/// <summary>One file the fixture wrote.</summary>
public sealed record WrittenFile(string Path, long InvalidUtf8Keys, IOutputFormat Format);

/// <summary>
/// Writes every scenario in every variant once, then reads all the files back with DuckDB in a single node run
/// (process starts are the expensive part). The tests only look at the results.
/// </summary>
public sealed class DuckDbReadBackFixture : IDisposable
{
    private readonly TempDirectory _directory = new("bigdata-outputs");
    private readonly Dictionary<(string Scenario, string Variant), WrittenFile> _files = [];
    private readonly IReadOnlyDictionary<string, DuckDbResult> _results;

    public DuckDbReadBackFixture()
    {
        var statements = new List<(string Id, string Sql)>();
        foreach (var scenario in OutputScenario.All)
        {
            foreach (var variant in OutputVariant.All)
            {
                var file = Write(scenario, variant);
                _files[(scenario.Name, variant.Name)] = file;
                var path = DuckDbQuery.Literal(file.Path);
                var id = scenario.Name + "/" + variant.Name;
                statements.Add((id + "/rows", variant.Format switch
                {
                    "parquet" => $"SELECT * FROM read_parquet({path})",
                    // allow_quoted_nulls = false: the writer quotes an empty key ("") so it is not NULL.
                    "csv" => $"SELECT * FROM read_csv({path}, header = true, delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false)",
                    _ => $"SELECT * FROM read_json({path}, format = 'newline_delimited')",
                }));
                if (variant.IsParquet)
                {
                    statements.Add((id + "/metadata", $"SELECT * FROM parquet_metadata({path}) ORDER BY row_group_id, column_id"));
                    statements.Add((id + "/schema", $"SELECT * FROM parquet_schema({path})"));
                    statements.Add((id + "/file", $"SELECT * FROM parquet_file_metadata({path})"));
                }
            }
        }

        _results = DuckDbQuery.Run(statements);
    }

    public WrittenFile File(OutputScenario scenario, OutputVariant variant) => _files[(scenario.Name, variant.Name)];

    /// <summary>A DuckDB result; a failed statement fails the test with DuckDB's message.</summary>
    public DuckDbResult Result(OutputScenario scenario, OutputVariant variant, string what)
    {
        var result = _results[scenario.Name + "/" + variant.Name + "/" + what];
        Assert.True(result.Error == null, $"DuckDB could not read {File(scenario, variant).Path} ({what}): {result.Error}");
        return result;
    }

    public void Dispose() => _directory.Dispose();

    private WrittenFile Write(OutputScenario scenario, OutputVariant variant)
    {
        var format = OutputFormats.Create(variant.Format, variant.Compress, scenario.Parquet);
        var path = _directory.Combine(scenario.Name + "-" + variant.Name + format.Extension);
        using var stream = System.IO.File.Create(path);
        using var writer = format.Create(stream);
        foreach (var row in scenario.Rows)
        {
            writer.Write(row.Key, row.Count);
        }

        writer.Complete();
        return new WrittenFile(path, writer.InvalidUtf8Keys, format);
    }
}
