using System.Text;
using TestSupport;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// The fidelity rule (DESIGN.md §1) file by file on tests/fixtures, without Spark: each file is read as Spark reads it
/// (Hadoop picks the codec by name), split as its text source splits it, and run through the whole plan (Java checker,
/// one JVM). The plan must either refuse the file (a problem row, or a read Hadoop fails) or write exactly the lines
/// the local runner writes: the hand-written <c>&lt;file&gt;.origin|host.expected.tsv</c>, and for seed the job's
/// seed mapper over the file's lines as the local runner decodes them.
/// </summary>
public sealed class FixtureFileTests(FixtureFileTests.Fixture fixture) : IClassFixture<FixtureFileTests.Fixture>
{
    /// <summary>Files every rule must count (nothing in them the plan cannot count exactly), so the comparison bites.</summary>
    private static readonly string[] MustCount =
    [
        "angle-brackets.warc", "authority.warc", "continuation.warc", "header-case.warc", "lf-only.warc", "no-target.warc",
        "non-http.warc", "single-member.warc.gz",
    ];

    public static TheoryData<string, string> FilesAndRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, _) in FixtureFiles.All())
        {
            foreach (var rule in Fixture.Rules)
            {
                data.Add(file, rule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndRules))]
    public void Plan_FixtureFile_WritesTheLocalRunnersLinesOrRefuses(string file, string rule)
    {
        var (spark, refused) = fixture.Outcome(file, rule);
        if (refused)
        {
            Assert.DoesNotContain(file, MustCount);
            return;
        }

        Assert.Equal(fixture.Expected(file, rule), spark);
    }

    [Fact]
    public void SeedPlan_GzipFileWithoutGzName_Refused()
    {
        // Hadoop would read the compressed bytes as lines; the local runner decompresses them (magic bytes).
        Assert.True(fixture.Outcome("gzip-named.warc", "seed").Refused);
    }

    public sealed class Fixture
    {
        /// <summary>The rules compared, as <c>--key</c> names.</summary>
        public static readonly string[] Rules = ["origin", "host", "seed"];

        private readonly Dictionary<(string File, string Rule), (List<string> Lines, bool Refused)> _outcomes = [];
        private readonly Dictionary<string, byte[]> _files;

        public Fixture()
        {
            _files = FixtureFiles.All().ToDictionary(f => f.Name, f => f.Bytes);
            var jobs = new List<(SparkJobOptions, IReadOnlyList<(string, byte[])>)>();
            var keys = new List<(string, string)>();
            foreach (var (name, bytes) in _files)
            {
                var read = FixtureFiles.ReadBySpark(name, bytes);
                foreach (var rule in Rules)
                {
                    if (read == null)
                    {
                        // Hadoop's codec fails the task, so the Spark job fails: a refusal.
                        _outcomes[(name, rule)] = ([], true);
                        continue;
                    }

                    jobs.Add((new SparkJobOptions { Key = Enum.Parse<KeyRule>(rule, ignoreCase: true), Output = "o" }, [(name, read)]));
                    keys.Add((name, rule));
                }
            }

            var runs = SparkJobSimulation.Run(jobs);
            for (var i = 0; i < runs.Count; i++)
            {
                _outcomes[keys[i]] = ([.. runs[i].OutputLines], runs[i].Counters.ProblemRows > 0);
            }
        }

        public (List<string> Lines, bool Refused) Outcome(string file, string rule) => _outcomes[(file, rule)];

        /// <summary>The local runner's lines for <paramref name="file"/>, sorted in ordinal byte order.</summary>
        public List<string> Expected(string file, string rule)
        {
            if (rule != "seed")
            {
                var expected = RepoPaths.Of("tests", "fixtures", $"{file}.{rule}.expected.tsv");
                return [.. File.ReadAllLines(expected, Encoding.UTF8).Where(l => l.Length > 0)];
            }

            var content = FixtureFiles.Decoded(_files[file]);
            if (!Encoding.ASCII.GetString(content, 0, Math.Min(5, content.Length)).Equals("WARC/", StringComparison.OrdinalIgnoreCase))
            {
                return []; // not an archive: the local runner fails the file and counts nothing from it
            }

            var local = new LocalMappers(KeyRule.Seed);
            return FixtureFiles.Lines(content)
                .Select(line => local.MapLine(ReaderModel.Line(line)).Key)
                .OfType<byte[]>()
                .GroupBy(Convert.ToHexString)
                .Select(g => (Key: g.First(), Count: g.Count()))
                .OrderBy(k => k.Key, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)))
                .Select(k => Encoding.UTF8.GetString(k.Key) + "\t" + k.Count)
                .ToList();
        }
    }
}
