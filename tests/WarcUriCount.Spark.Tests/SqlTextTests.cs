using System.Text;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// Literal text must reach Spark exactly: checked by parsing it as Spark's parser does (in the Java checker). Also the
/// filter that leaves failed files out of the rerun.
/// </summary>
public sealed class SqlTextTests(SqlTextTests.Fixture fixture) : IClassFixture<SqlTextTests.Fixture>
{
    private static readonly string[] Values =
    [
        @"\A[0-9]+\z", "it's", "tab\tcr\rlf\n", "\u0000\u0001\u007F", "É ＡＢＣ \u212A", "😀", @"\\u0041", @"a\%b_c",
    ];

    private static readonly string[] FailedFiles = ["file:///d/it's bad.warc.gz", "s3a://b/x\\y.html"];

    private static readonly string[] Files = ["file:///d/it's bad.warc.gz", "file:///d/good.warc.gz", "s3a://b/x\\y.html", "s3a://b/xy.html"];

    [Fact]
    public void Literal_AnyString_UnescapesToTheSameText()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(Values[i]), fixture.Literals.Bytes("v" + i));
        }
    }

    [Fact]
    public void Literal_AnyString_IsPrintableAscii()
    {
        Assert.All(Values, v => Assert.All(SqlText.Literal(v), c => Assert.InRange(c, ' ', '~')));
    }

    [Fact]
    public void ExcludeFilesFilter_FailedFiles_KeepsOnlyTheOthers()
    {
        Assert.Equal([false, true, false, true], fixture.Filter.Select(r => (bool)r.Columns["keep"]!));
    }

    public sealed class Fixture
    {
        public Fixture()
        {
            var literals = new PlanGroup([Values.Select((v, i) => $"{SqlText.Literal(v)} AS v{i}").ToList()], [new TextRow("f", [])]);
            var filter = new PlanGroup([[SparkJobPlan.ExcludeFilesFilter(FailedFiles) + " AS keep"]], Files.Select(f => new TextRow(f, [])).ToList());
            var results = JavaPlanChecker.Run([literals, filter]);
            Literals = results[0][0];
            Filter = results[1];
        }

        public PlanRow Literals { get; }

        public IReadOnlyList<PlanRow> Filter { get; }
    }
}
