using TestSupport;

namespace BigData.Cli.Tests.Storage;

/// <summary>
/// <c>bigdata count --format X --compress Y</c> read back by DuckDB (an independent reader) equals the TSV output of
/// the same inputs and options, on the sample and on a fixture with a non-ASCII key.
/// </summary>
public sealed class OutputFormatEndToEndTests(OutputFormatFixture runs) : IClassFixture<OutputFormatFixture>
{
    /// <summary>Input names (strings, so every case shows up as its own test).</summary>
    public static TheoryData<string> Inputs() => [.. FormatInput.All.Select(i => i.Name)];

    /// <summary>Every input with every format, compression pair.</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var input in FormatInput.All)
        {
            foreach (var variant in FormatVariant.All)
            {
                cases.Add(input.Name, variant.Format, variant.Compress);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Count_Tsv_EqualsGolden(string inputName)
    {
        var input = FormatInput.Named(inputName);
        var run = runs.Tsv(input);

        Assert.True(run.Committed, run.Describe());
        TsvAssert.Equal(File.ReadAllBytes(input.Golden), run.Tsv, $"TSV output of {input.Name}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Count_FormatReadByDuckDb_EqualsTsvOutput(string inputName, string format, string compress)
    {
        var input = FormatInput.Named(inputName);
        var variant = new FormatVariant(format, compress);
        var run = runs.Run(input, variant);
        var tsv = runs.Tsv(input);

        Assert.True(run.Committed, run.Describe());
        var rows = runs.Read(input, variant);
        TsvAssert.Equal(tsv.Tsv, OutputFormatFixture.AsTsv(rows), $"{variant} output of {input.Name} read by DuckDB");
        Assert.Equal(
            CountRuns.RecordCounters(tsv.Counters),
            CountRuns.RecordCounters(run.Counters));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Count_Format_WritesOnePartPerReducerWithItsExtension(string inputName, string format, string compress)
    {
        var input = FormatInput.Named(inputName);
        var variant = new FormatVariant(format, compress);
        var run = runs.Run(input, variant);
        var extension = (variant.Format, variant.Compress) switch
        {
            ("tsv", "gzip") => ".gz",
            ("parquet", _) => ".parquet",
            (var f, "gzip") => "." + f + ".gz",
            (var f, _) => "." + f,
        };

        Assert.Equal(
            Enumerable.Range(0, int.Parse(CountRuns.Parallelism, System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"part-{i:D5}{extension}"),
            run.Parts.Select(Path.GetFileName));
        if (variant.Compress == "gzip" && variant.Format != "parquet")
        {
            // A real gzip member, not text with a .gz name.
            Assert.All(run.Parts, p => Assert.Equal(new byte[] { 0x1F, 0x8B }, File.ReadAllBytes(p)[..2]));
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Count_Parquet_HasStringKeyAndInt64Count(string inputName)
    {
        var input = FormatInput.Named(inputName);
        foreach (var variant in FormatVariant.All.Where(v => v.Format == "parquet"))
        {
            var rows = runs.Read(input, variant);

            Assert.NotEmpty(rows.Rows);
            Assert.All(Enumerable.Range(0, rows.Rows.Count), r => Assert.Equal("VARCHAR", rows.Value(r, "key_type").GetString()));
            Assert.All(Enumerable.Range(0, rows.Rows.Count), r => Assert.Equal("BIGINT", rows.Value(r, "count_type").GetString()));
        }
    }
}
