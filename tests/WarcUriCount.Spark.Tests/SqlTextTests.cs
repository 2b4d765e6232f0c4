using System.Text;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>String literals must reach Spark's regex functions exactly: checked by parsing them as Spark does (Java).</summary>
public sealed class SqlTextTests
{
    private static readonly string[] Values =
    [
        @"\A[0-9]+\z", "it's", "tab\tcr\rlf\n", "\u0000\u0001\u007F", "É ＡＢＣ \u212A", "😀", @"\\u0041", @"a\%b_c",
    ];

    [Fact]
    public void Literal_AnyString_UnescapesToTheSameText()
    {
        var stage = Values.Select((v, i) => $"{SqlText.Literal(v)} AS v{i}").ToList();
        var rows = JavaPlanChecker.Run([new PlanGroup([stage], [new TextRow("f", [])])])[0];

        for (var i = 0; i < Values.Length; i++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(Values[i]), rows[0].Bytes("v" + i));
        }
    }

    [Fact]
    public void Literal_AnyString_IsPrintableAscii()
    {
        Assert.All(Values, v => Assert.All(SqlText.Literal(v), c => Assert.InRange(c, ' ', '~')));
    }
}
