namespace WarcUriCount.SparkPlan;

/// <summary>
/// The <c>seed</c> rule of DESIGN.md §5 over lines (the text source split on LF only): the first word exactly
/// <c>WARC-Target-URI:</c>, the second split on <c>/</c>, key <c>part0 + "//" + part2</c>; a crash of the classic
/// mapper (no second word, fewer than three parts) is <c>seed_error</c>.
/// </summary>
public static class SeedExpressions
{
    /// <summary>The marker the classic mapper compares the first word with.</summary>
    public const string Marker = "WARC-Target-URI:";

    /// <summary>
    /// The local line reader's limit (LineReader.DefaultMaxLineLength, 1 MiB): it hands a longer line to the mapper cut
    /// to that many bytes, so the plan cuts it too.
    /// </summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Stages over <c>value</c> that end with <c>file, status, key, gzip_magic</c>.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Stages()
    {
        var isMarker = $"w1 = {Sql.Lit(Marker)}";
        var hasParts = Sql.RLike("w2", JavaRegex.SeedParts);
        var key = $"concat({Sql.RegexpExtract("w2", JavaRegex.SeedParts, 1)}, '//', {Sql.RegexpExtract("w2", JavaRegex.SeedParts, 2)})";
        return
        [
            [
                "input_file_name() AS file",
                $"IF(octet_length(value) > {MaxLineLength}, CAST(substring(CAST(value AS BINARY), 1, {MaxLineLength}) AS STRING), value) AS line",
                // Hadoop reads a gzip file without a .gz name as it is; the local runner decompresses it (magic bytes).
                $"substring(CAST(value AS BINARY), 1, 2) = {SqlText.BinaryLiteral([0x1F, 0x8B])} AS gzip_magic",
            ],
            [
                "file", "gzip_magic",
                Sql.As(Sql.RegexpExtract("line", JavaRegex.FirstWord, 1), "w1"),
                Sql.As(Sql.RegexpExtract("line", JavaRegex.SecondWord, 1), "w2"),
            ],
            [
                "file", "gzip_magic",
                $"IF({isMarker}, IF({hasParts}, {Sql.Lit(RowStatus.Keyed)}, {Sql.Lit(RowStatus.SeedError)}), {Sql.Lit(RowStatus.OtherLine)}) AS status",
                $"IF({isMarker} AND {hasParts}, {key}, NULL) AS key",
            ],
        ];
    }
}
