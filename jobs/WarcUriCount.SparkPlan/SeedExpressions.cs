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

    /// <summary>Stages over <c>value</c> that end with <c>file, status, key</c>.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Stages()
    {
        var isMarker = $"w1 = {Sql.Lit(Marker)}";
        var hasParts = Sql.RLike("w2", JavaRegex.SeedParts);
        var key = $"concat({Sql.RegexpExtract("w2", JavaRegex.SeedParts, 1)}, '//', {Sql.RegexpExtract("w2", JavaRegex.SeedParts, 2)})";
        return
        [
            [
                "input_file_name() AS file",
                Sql.As(Sql.RegexpExtract("value", JavaRegex.FirstWord, 1), "w1"),
                Sql.As(Sql.RegexpExtract("value", JavaRegex.SecondWord, 1), "w2"),
            ],
            [
                "file",
                $"IF({isMarker}, IF({hasParts}, {Sql.Lit(RowStatus.Keyed)}, {Sql.Lit(RowStatus.SeedError)}), {Sql.Lit(RowStatus.OtherLine)}) AS status",
                $"IF({isMarker} AND {hasParts}, {key}, NULL) AS key",
            ],
        ];
    }
}
