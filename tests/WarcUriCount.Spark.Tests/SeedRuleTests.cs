using System.Text;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>The seed rule of DESIGN.md §5 (the classic mapper), line by line, evaluated by the Java checker.</summary>
public sealed class SeedRuleTests(SeedRuleTests.Fixture fixture) : IClassFixture<SeedRuleTests.Fixture>
{
    /// <summary>(line, status, key).</summary>
    public static readonly (string Line, string Status, string? Key)[] Cases =
    [
        ("WARC-Target-URI: http://a.com/x/y", RowStatus.Keyed, "http://a.com"),
        ("  WARC-Target-URI:\thttp://B.com/c/d  \r", RowStatus.Keyed, "http://B.com"),
        ("WARC-Target-URI:\u000Bhttp://vt.com/\u000C", RowStatus.Keyed, "http://vt.com"),
        ("WARC-Target-URI: <http://a.com/>", RowStatus.Keyed, "<http://a.com"),
        ("WARC-Target-URI: x/y/z/w", RowStatus.Keyed, "x//z"),
        ("WARC-Target-URI: a/b/", RowStatus.Keyed, "a//"),
        ("WARC-Target-URI: http://a.com extra words", RowStatus.Keyed, "http://a.com"),
        ("WARC-Target-URI: dns:example.com", RowStatus.SeedError, null),
        ("WARC-Target-URI: a/b", RowStatus.SeedError, null),
        ("WARC-Target-URI:", RowStatus.SeedError, null),
        ("WARC-Target-URI:   \r", RowStatus.SeedError, null),
        ("warc-target-uri: http://a/", RowStatus.OtherLine, null),
        ("WARC-Target-URI:http://a/", RowStatus.OtherLine, null),
        ("WARC-Type: response\r", RowStatus.OtherLine, null),
        ("", RowStatus.OtherLine, null),
        ("WARC-Target-URI: http://ÄÖ.com/x", RowStatus.Keyed, "http://ÄÖ.com"),
    ];

    public static TheoryData<int> CaseIndexes() => new(Enumerable.Range(0, Cases.Length));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void SeedRule_Line_GivesClassicMapperKey(int index)
    {
        var (line, status, key) = Cases[index];
        var row = fixture.Run.Rows[index];
        Assert.True(status == row.Status, $"'{line}': expected {status}, got {row.Status}");
        Assert.Equal(key, row.Key);
    }

    [Fact]
    public void SeedRule_AllLines_CountersAddUp()
    {
        var run = fixture.Run;
        Assert.Equal(Cases.Length + 1, run.Counter(CounterNames.LinesTotal));
        Assert.Equal(Cases.Count(c => c.Status == RowStatus.Keyed) + 1, run.Counter(CounterNames.LinesKeyed));
        Assert.Equal(Cases.Count(c => c.Status == RowStatus.SeedError), run.Counter(CounterNames.LinesSeedError));
        Assert.Contains("http://a.com\t2", run.OutputLines);
    }

    [Fact]
    public void SeedRule_InvalidUtf8InKey_IsReported()
    {
        var row = fixture.Run.Rows[Cases.Length];
        Assert.Equal(ProblemKinds.InvalidUtf8Key, row.Problem);
        Assert.Equal(1, fixture.Run.Counter(ProblemKinds.CounterName(ProblemKinds.InvalidUtf8Key)));
    }

    public sealed class Fixture
    {
        public Fixture()
        {
            var bytes = new List<byte>();
            foreach (var (line, _, _) in Cases)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(line));
                bytes.Add((byte)'\n');
            }

            // Last line: invalid UTF-8 in the key, and no final LF.
            bytes.AddRange([.. "WARC-Target-URI: http://x"u8, 0xFE, .. "/p"u8]);
            Run = SparkJobSimulation.Run([(new SparkJobOptions { Key = KeyRule.Seed, Output = "o" }, [("lines.txt", bytes.ToArray())])])[0];
        }

        public SimulatedRun Run { get; }
    }
}
