using WarcUriCount.SparkPlan;

namespace WarcUriCount.Spark.Tests;

public sealed class CounterSummaryTests
{
    [Fact]
    public void From_RecordRows_SumsDesignCounters()
    {
        CounterRow[] rows =
        [
            new(RowStatus.Keyed, "response", "", null, 7),
            new(RowStatus.Keyed, "request", "", null, 5),
            new(RowStatus.NoUri, "warcinfo", "", null, 1),
            new(RowStatus.NoHost, "response", "", null, 2),
            new(RowStatus.Filtered, "metadata", "", null, 3),
        ];

        var summary = CounterSummary.From(rows, KeyRule.Origin, inputFiles: 2);

        Assert.Equal(18, summary.Counters[CounterNames.RecordsTotal]);
        Assert.Equal(12, summary.Counters[CounterNames.RecordsKeyed]);
        Assert.Equal(1, summary.Counters[CounterNames.RecordsNoUri]);
        Assert.Equal(2, summary.Counters[CounterNames.RecordsNoHost]);
        Assert.Equal(3, summary.Counters[CounterNames.RecordsFiltered]);
        Assert.Equal(9, summary.Counters[CounterNames.RecordsByTypePrefix + "response"]);
        Assert.Equal(2, summary.Counters[CounterNames.FilesOk]);
        Assert.Equal(0, summary.Counters[CounterNames.FilesFailed]);
        Assert.Null(summary.ProblemMessage());
        Assert.Equal(summary.Counters.Keys.Order(StringComparer.Ordinal), summary.Counters.Keys);
    }

    [Fact]
    public void From_ProblemRows_NamesFilesAndExcludesFragmentsFromRecords()
    {
        CounterRow[] rows =
        [
            new(RowStatus.Keyed, "response", "", null, 4),
            new(RowStatus.NotARecord, null, ProblemKinds.NotARecord, "s3a://b/error.html", 1),
            new(RowStatus.Keyed, "response", ProblemKinds.LengthMismatch, "s3a://b/x.warc.gz", 2),
        ];

        var summary = CounterSummary.From(rows, KeyRule.Host, inputFiles: 3);

        Assert.Equal(6, summary.Counters[CounterNames.RecordsTotal]);
        Assert.Equal(3, summary.ProblemRows);
        Assert.Equal(1, summary.Counters["warnings.spark_not_a_record"]);
        Assert.Equal(2, summary.Counters["warnings.spark_length_mismatch"]);
        var message = summary.ProblemMessage()!;
        Assert.Contains("s3a://b/error.html", message, StringComparison.Ordinal);
        Assert.Contains("--max-failed-files", message, StringComparison.Ordinal);
        Assert.Equal(["s3a://b/error.html", "s3a://b/x.warc.gz"], summary.AllProblemFiles);
    }

    [Fact]
    public void From_SeedRows_UsesLineCounters()
    {
        CounterRow[] rows = [new(RowStatus.Keyed, null, "", null, 3), new(RowStatus.SeedError, null, "", null, 1), new(RowStatus.OtherLine, null, "", null, 10)];

        var summary = CounterSummary.From(rows, KeyRule.Seed, inputFiles: 1);

        Assert.Equal(14, summary.Counters[CounterNames.LinesTotal]);
        Assert.Equal(3, summary.Counters[CounterNames.LinesKeyed]);
        Assert.Equal(1, summary.Counters[CounterNames.LinesSeedError]);
        Assert.False(summary.Counters.ContainsKey(CounterNames.RecordsTotal));
    }

    [Fact]
    public void From_RerunWithoutFailedFiles_CountsThemAsFailedAndKeepsTheWarnings()
    {
        var first = CounterSummary.From(
            [new(RowStatus.NotARecord, null, ProblemKinds.NotARecord, "bad.html", 1), new(RowStatus.Keyed, "response", "", null, 4)],
            KeyRule.Origin,
            inputFiles: 3);

        var second = CounterSummary.From([new(RowStatus.Keyed, "response", "", null, 4)], KeyRule.Origin, inputFiles: 3, failedFiles: 1, firstPass: first);

        Assert.Equal(2, second.Counters[CounterNames.FilesOk]);
        Assert.Equal(1, second.Counters[CounterNames.FilesFailed]);
        Assert.Equal(1, second.Counters["warnings.spark_not_a_record"]);
        Assert.Equal(0, second.ProblemRows);
        Assert.Null(second.ProblemMessage());
    }

    [Fact]
    public void ToJson_Counters_IsOneObjectInNameOrder()
    {
        var summary = CounterSummary.From([new(RowStatus.Keyed, null, "", null, 3)], KeyRule.Seed, inputFiles: 1);

        var json = summary.ToJson();

        Assert.StartsWith("{\"files.failed\":0,\"files.ok\":1,\"lines.keyed\":3,", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }
}
