namespace WarcUriCount.SparkPlan;

/// <summary>Builds the <see cref="SparkJobPlan"/> for a set of options.</summary>
public static class SparkPlanBuilder
{
    /// <summary>The plan for <paramref name="options"/>.</summary>
    public static SparkJobPlan Build(SparkJobOptions options)
    {
        var stages = options.Key == KeyRule.Seed ? SeedStages() : RecordStages(options.Key, options.Types);
        var reader = new Dictionary<string, string>
        {
            // Record rules split on "\nWARC/"; seed splits on LF only (Spark's default also splits on CR).
            ["lineSep"] = options.Key == KeyRule.Seed ? "\n" : RecordFraming.Separator,
            // A directory input means every file below it, as the local runner reads it.
            ["recursiveFileLookup"] = "true",
        };
        return new SparkJobPlan(options, reader, stages, OutputSpec.For(options.Format, options.Overwrite));
    }

    private static List<IReadOnlyList<string>> RecordStages(KeyRule rule, IReadOnlyList<string>? types)
    {
        var stages = new List<IReadOnlyList<string>>(RecordFraming.Stages());
        stages.AddRange(KeyExpressions.Stages(rule, ["file", "is_record", "head_ok", "length_ok", "type", "has_uri"]));

        // As the job's RecordMapper: the type filter comes first, then a missing (or empty) URI, then a URI without a key.
        var filtered = types == null ? "false" : $"NOT (type IN ({SqlText.LiteralList(types)}))";
        stages.Add(
        [
            "key", "file", "is_record", "head_ok", "length_ok", "type",
            $"IF(NOT is_record, {Sql.Lit(RowStatus.NotARecord)}, IF({filtered}, {Sql.Lit(RowStatus.Filtered)}, " +
            $"IF(NOT has_uri, {Sql.Lit(RowStatus.NoUri)}, IF(key IS NULL, {Sql.Lit(RowStatus.NoHost)}, {Sql.Lit(RowStatus.Keyed)})))) AS status",
        ]);
        stages.Add(
        [
            "file", "status",
            $"IF(status = {Sql.Lit(RowStatus.Keyed)}, key, NULL) AS key",
            "IF(is_record, type, NULL) AS type",
            $"IF(NOT is_record, {Sql.Lit(ProblemKinds.NotARecord)}, IF(NOT length_ok, {Sql.Lit(ProblemKinds.LengthMismatch)}, " +
            $"IF(NOT head_ok, {Sql.Lit(ProblemKinds.HeaderTooLong)}, " +
            $"IF(status = {Sql.Lit(RowStatus.Keyed)} AND {Sql.RLike("key", JavaRegex.ReplacementChar)}, {Sql.Lit(ProblemKinds.InvalidUtf8Key)}, '')))) AS problem",
        ]);
        stages.Add(FinalStage());
        return stages;
    }

    private static List<IReadOnlyList<string>> SeedStages()
    {
        var stages = new List<IReadOnlyList<string>>(SeedExpressions.Stages());
        stages.Add(
        [
            "file", "status", "key",
            "CAST(NULL AS STRING) AS type",
            $"IF(gzip_magic, {Sql.Lit(ProblemKinds.GzipWithoutGzName)}, IF({Sql.RLike("key", JavaRegex.ReplacementChar)}, {Sql.Lit(ProblemKinds.InvalidUtf8Key)}, '')) AS problem",
        ]);
        stages.Add(FinalStage());
        return stages;
    }

    /// <summary>Keeps the file name only where there is a problem, so the counter grouping set stays small.</summary>
    private static string[] FinalStage() => ["key", "status", "type", "problem", "IF(problem <> '', file, NULL) AS file"];
}
