using System.ComponentModel;
using System.Text.Json;

namespace TestSupport.DuckDb;

/// <summary>The result of one SQL statement in DuckDB, values in DuckDB's JSON form (BIGINT as a string).</summary>
public sealed record DuckDbResult(string? Error, IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<JsonElement[]> Rows)
{
    /// <summary>The value of <paramref name="column"/> in row <paramref name="row"/>.</summary>
    public JsonElement Value(int row, string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return Rows[row][i];
            }
        }

        throw new ArgumentException($"no column {column} in [{string.Join(", ", Columns)}]", nameof(column));
    }
}

/// <summary>
/// Runs SQL in DuckDB (npm <c>@duckdb/node-api</c>, installed into tests/tools/node_modules by scripts/test.sh) as
/// a real node process: an independent reader of the files our writers produce. Statements are batched so one
/// process start serves many files.
/// </summary>
public static class DuckDbQuery
{
    /// <summary>Where <c>npm ci</c> in tests/tools puts the packages.</summary>
    public static string NodeModules => RepoPaths.Of("tests", "tools", "node_modules");

    private static string Script => RepoPaths.Of("tests", "TestSupport", "tools", "duckdb-query.js");

    /// <summary>Runs the statements in one DuckDB instance and returns their results by id.</summary>
    /// <exception cref="InvalidOperationException">DuckDB or node is missing, or the script failed.</exception>
    public static IReadOnlyDictionary<string, DuckDbResult> Run(IEnumerable<(string Id, string Sql)> statements)
    {
        if (!Directory.Exists(Path.Combine(NodeModules, "@duckdb", "node-api")))
        {
            throw new InvalidOperationException(
                $"DuckDB for the tests is not installed ({Path.Combine(NodeModules, "@duckdb", "node-api")} is missing): " +
                "run scripts/test.sh, which installs the test tools, or `cd tests/tools && npm ci`.");
        }

        var input = JsonSerializer.SerializeToUtf8Bytes(statements.Select(s => new { id = s.Id, sql = s.Sql }));
        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(
                "node",
                [Script],
                input,
                new Dictionary<string, string?> { ["NODE_PATH"] = NodeModules },
                timeout: TimeSpan.FromMinutes(2));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node is not on PATH; the DuckDB read-back tests need Node.js: " + e.Message, e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"duckdb-query.js failed with exit code {result.ExitCode}: {result.Stderr}");
        }

        using var document = JsonDocument.Parse(result.Stdout);
        var results = new Dictionary<string, DuckDbResult>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            results[property.Name] = value.TryGetProperty("error", out var error)
                ? new DuckDbResult(error.GetString(), [], [], [])
                : new DuckDbResult(
                    null,
                    value.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                    value.GetProperty("types").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                    value.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray()).ToArray());
        }

        return results;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
