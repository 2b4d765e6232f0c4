using System.Text;
using TestSupport;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>One input row of the text source: the file it came from and its bytes.</summary>
public sealed record TextRow(string File, byte[] Value);

/// <summary>Stages to evaluate over rows.</summary>
public sealed record PlanGroup(IReadOnlyList<IReadOnlyList<string>> Stages, IReadOnlyList<TextRow> Rows);

/// <summary>
/// Runs tests/WarcUriCount.Spark.Tests/java/SparkExprCheck.java (java 17 single-file launch), which evaluates the plan's
/// Spark SQL text with Spark's semantics: java.util.regex for the regex functions, byte strings as in UTF8String.
/// One JVM per batch, because the launch compiles the source (seconds on a busy machine).
/// </summary>
public static class JavaPlanChecker
{
    public static string SourcePath => RepoPaths.Of("tests", "WarcUriCount.Spark.Tests", "java", "SparkExprCheck.java");

    public static IReadOnlyList<IReadOnlyList<PlanRow>> Run(IReadOnlyList<PlanGroup> groups)
    {
        var input = new StringBuilder();
        foreach (var group in groups)
        {
            input.Append("RESET\n");
            foreach (var stage in group.Stages)
            {
                input.Append("STAGE\n");
                foreach (var expression in stage)
                {
                    input.Append("EXPR ").Append(B64(Encoding.UTF8.GetBytes(expression))).Append('\n');
                }
            }

            foreach (var row in group.Rows)
            {
                input.Append("ROW ").Append(B64(Encoding.UTF8.GetBytes(row.File))).Append(' ').Append(B64(row.Value)).Append('\n');
            }
        }

        var result = ProcessRunner.Run("java", [SourcePath], Encoding.UTF8.GetBytes(input.ToString()), timeout: TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("java checker failed:\n" + result.Stderr);
        }

        var lines = result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<IReadOnlyList<PlanRow>>();
        var next = 0;
        foreach (var group in groups)
        {
            var rows = new List<PlanRow>();
            for (var i = 0; i < group.Rows.Count; i++)
            {
                rows.Add(Parse(lines[next++]));
            }

            output.Add(rows);
        }

        Assert.Equal(lines.Length, next);
        return output;
    }

    private static PlanRow Parse(string line)
    {
        var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in line.Split('\t'))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var name = field[..eq];
            var value = field[(eq + 1)..];
            columns[name] = value switch
            {
                "N" => null,
                "T" => true,
                "F" => false,
                _ when value.StartsWith("I:", StringComparison.Ordinal) => long.Parse(value[2..], System.Globalization.CultureInfo.InvariantCulture),
                _ when value.StartsWith("S:", StringComparison.Ordinal) || value.StartsWith("B:", StringComparison.Ordinal) => Convert.FromBase64String(value[2..]),
                _ => throw new FormatException("unexpected value " + value),
            };
        }

        return new PlanRow(columns);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes);
}
