using System.Globalization;
using System.Text;

namespace WarcUriCount.SparkPlan;

/// <summary>
/// Renders values as Spark SQL source text. Spark's parser unescapes string literals (backslash escapes, with
/// <c>spark.sql.parser.escapedStringLiterals</c> at its default <c>false</c>), so a Java regex such as
/// <c>\A[0-9]+\z</c> must reach Spark as <c>'\\A[0-9]+\\z'</c>. Rendered literals are printable ASCII only, so the
/// text survives any transport (the JVM bridge, logs, a shell) unchanged.
/// </summary>
public static class SqlText
{
    /// <summary>A string literal whose value after Spark's unescaping is exactly <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        sb.Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        // Spark unescapes \uXXXX (UTF-16 code units, so surrogate pairs work too).
                        sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>A binary literal such as <c>X'0D0A'</c>.</summary>
    public static string BinaryLiteral(ReadOnlySpan<byte> bytes) => "X'" + Convert.ToHexString(bytes) + "'";

    /// <summary>A list of string literals for <c>IN (...)</c>.</summary>
    public static string LiteralList(IEnumerable<string> values) => string.Join(", ", values.Select(Literal));

    /// <summary>A back-quoted identifier.</summary>
    public static string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
