using WarcUriCount.SparkPlan;

namespace WarcUriCount.Spark.Tests;

public sealed class SparkPlanBuilderTests
{
    [Theory]
    [InlineData(KeyRule.Origin, "\nWARC/")]
    [InlineData(KeyRule.Host, "\nWARC/")]
    [InlineData(KeyRule.Seed, "\n")]
    public void Build_KeyRule_ReadsWithTheMatchingSeparator(KeyRule rule, string separator)
    {
        var plan = SparkPlanBuilder.Build(new SparkJobOptions { Key = rule, Output = "o", Inputs = ["a"] });

        Assert.Equal(separator, plan.ReaderOptions["lineSep"]);
    }

    [Theory]
    [InlineData(KeyRule.Origin)]
    [InlineData(KeyRule.Seed)]
    public void Build_AnyRule_LastStageHasTheAggregateColumns(KeyRule rule)
    {
        var plan = SparkPlanBuilder.Build(new SparkJobOptions { Key = rule, Output = "o", Inputs = ["a"] });

        var last = plan.Stages[^1].Select(e => e.Contains(" AS ", StringComparison.Ordinal) ? e[(e.LastIndexOf(" AS ", StringComparison.Ordinal) + 4)..] : e);
        Assert.Equal(SparkJobPlan.RowColumns.Order(StringComparer.Ordinal), last.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_AnyRule_UsesNoUserDefinedFunctionAndOnlyAsciiText()
    {
        foreach (var rule in Enum.GetValues<KeyRule>())
        {
            var plan = SparkPlanBuilder.Build(new SparkJobOptions { Key = rule, Output = "o", Inputs = ["a"], Types = rule == KeyRule.Seed ? null : ["Ünïcode", "response"] });
            foreach (var expression in plan.Stages.SelectMany(s => s))
            {
                Assert.All(expression, c => Assert.InRange(c, ' ', '~'));
                Assert.DoesNotContain("udf", expression, StringComparison.OrdinalIgnoreCase);
                // Spark's lower() lowercases non-ASCII letters too; the rules allow ASCII lowercasing only.
                Assert.DoesNotContain("lower(", expression, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData(OutputFormat.Parquet, "parquet")]
    [InlineData(OutputFormat.Csv, "csv")]
    [InlineData(OutputFormat.Tsv, "text")]
    [InlineData(OutputFormat.Jsonl, "json")]
    public void OutputSpec_Format_MapsToSparkSource(OutputFormat format, string source)
    {
        var spec = OutputSpec.For(format, overwrite: false);

        Assert.Equal(source, spec.Format);
    }

    [Fact]
    public void OutputSpec_Csv_QuotesLikeRfc4180WithHeader()
    {
        var spec = OutputSpec.For(OutputFormat.Csv, overwrite: true);

        Assert.Equal("true", spec.Options["header"]);
        Assert.Equal("\"", spec.Options["escape"]);
        Assert.True(spec.Overwrite);
    }
}
