namespace WarcUriCount.SparkPlan;

/// <summary>
/// How the driver writes the result: <c>df.SelectExpr(Projection).Write().Format(Format).Options(Options).Save(path)</c>.
/// </summary>
/// <param name="Format">The Spark data source name: parquet, csv, text or json.</param>
/// <param name="Options">Writer options.</param>
/// <param name="Projection">Expressions over <c>key, count</c> that give the written columns.</param>
/// <param name="Overwrite">SaveMode: overwrite, or fail when the output exists (Spark's default).</param>
public sealed record OutputSpec(
    string Format,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> Projection,
    bool Overwrite)
{
    /// <summary>The spec for <paramref name="format"/>.</summary>
    public static OutputSpec For(OutputFormat format, bool overwrite) => format switch
    {
        OutputFormat.Parquet => new("parquet", Empty, ["key", "`count`"], overwrite),

        // RFC 4180 like CsvHelper: header key,count, quotes doubled (Spark's default escape is a backslash).
        OutputFormat.Csv => new(
            "csv",
            new Dictionary<string, string> { ["header"] = "true", ["quote"] = "\"", ["escape"] = "\"", ["lineSep"] = "\n" },
            ["key", "`count`"],
            overwrite),

        // The text source writes the bytes of the string as they are: no quoting, no escaping, LF line ends.
        OutputFormat.Tsv => new("text", Empty, [$"concat(key, {SqlText.Literal("\t")}, CAST(`count` AS STRING)) AS value"], overwrite),

        OutputFormat.Jsonl => new("json", Empty, ["key", "`count`"], overwrite),

        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
