using System.Text;
using System.Text.Unicode;
using TestSupport;
using WarcUriCount.SparkPlan;
using WarcUriCount.Spark.Tests.Support;

namespace WarcUriCount.Spark.Tests;

/// <summary>
/// Differential test of the fidelity rule (DESIGN.md §1) at the level of single records and lines: the whole plan,
/// evaluated by the Java checker in one JVM, against the job's own mappers (jobs/WarcUriCount: <c>RecordMapper</c> with
/// <c>OriginKey.TryWriteUnbracketed</c>, the seed mapper with <c>SeedKey</c>) fed what the local reader would hand them
/// (<see cref="ReaderModel"/>). Each record or line must get the same status and the same key bytes, or the plan must
/// refuse it where it cannot write that key (invalid UTF-8) or the local reader drops the record.
/// Inputs: the Spark rule tests' cases, the job's own test inputs (its [InlineData], hand-made tables and seeded
/// generators), every WARC-Target-URI header and every line of tests/fixtures, and header-line variants.
/// </summary>
public sealed class KeyRuleDifferentialTests(KeyRuleDifferentialTests.Fixture fixture) : IClassFixture<KeyRuleDifferentialTests.Fixture>
{
    public static TheoryData<string> RecordSources() => new(Fixture.RecordSources.Keys);

    public static TheoryData<string> LineSources() => new(Fixture.LineSources.Keys);

    [Theory]
    [MemberData(nameof(RecordSources))]
    public void RecordPlans_Records_CountedAsTheJobsRecordMapperCountsThem(string source)
    {
        var mismatches = fixture.RecordMismatches(source);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} disagreement(s):\n" + string.Join('\n', mismatches.Take(40)));
    }

    [Theory]
    [MemberData(nameof(LineSources))]
    public void SeedPlan_Lines_CountedAsTheJobsSeedMapperCountsThem(string source)
    {
        var mismatches = fixture.LineMismatches(source);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} disagreement(s):\n" + string.Join('\n', mismatches.Take(40)));
    }

    [Theory]
    [MemberData(nameof(RecordSources))]
    public void RecordPlans_Counters_SameAsTheJobsCountersOverTheRecordsSparkCounts(string source)
    {
        foreach (var (expected, actual, label) in fixture.RecordCounters(source))
        {
            Assert.True(expected.SequenceEqual(actual), $"{label}:\n  job:   {string.Join(", ", expected)}\n  spark: {string.Join(", ", actual)}");
        }
    }

    [Fact]
    public void Inputs_EverySourceContributes()
    {
        // Guards against a source silently shrinking (a renamed table in the job's tests, a moved fixture).
        var sizes = fixture.Sizes();
        Assert.True(sizes["job-test-uris"] >= 150 && sizes["job-test-lines"] >= 50, string.Join(", ", sizes));
        Assert.True(sizes["random-uris"] == 9000 && sizes["random-lines"] == 5000, string.Join(", ", sizes));
        Assert.True(sizes["fixture-target-uris"] >= 100 && sizes["fixture-lines"] >= 1000, string.Join(", ", sizes));
        Assert.Equal(OriginRuleTests.Cases.Length + 2, sizes["spark-rule-cases"]);
        Assert.Equal(SeedRuleTests.Cases.Length + 1, sizes["spark-seed-cases"]);
    }

    [Fact]
    public void Inputs_ExerciseEveryOutcome()
    {
        // A comparison proves little unless both sides produce every outcome, refusals included.
        var outcomes = fixture.OutcomeCounts();
        foreach (var status in new[] { RowStatus.Keyed, RowStatus.NoHost, RowStatus.NoUri, RowStatus.Filtered, "refused", "seed:" + RowStatus.Keyed, "seed:" + RowStatus.SeedError, "seed:" + RowStatus.OtherLine, "seed:refused" })
        {
            Assert.True(outcomes.GetValueOrDefault(status) > 0, $"no input gave '{status}': " + string.Join(", ", outcomes.Select(o => o.Key + "=" + o.Value)));
        }
    }

    public sealed class Fixture
    {
        /// <summary>The record-aware plans compared: (rule, --types).</summary>
        private static readonly (KeyRule Rule, string? Types)[] RecordRules = [(KeyRule.Origin, null), (KeyRule.Host, null), (KeyRule.Origin, "response, METADATA")];

        /// <summary>WARC-Type values the records take in turn (null: no WARC-Type header).</summary>
        private static readonly string?[] Types = ["response", "request", "metadata", "Response", null, "warcinfo", "REVISIT", ""];

        private const string Refused = "refused";
        private const string Dropped = "dropped";

        private readonly Dictionary<string, List<byte[]>> _records = [];
        private readonly Dictionary<string, List<byte[]>> _lines = [];
        private readonly Dictionary<(string Source, int Rule), SimulatedRun> _recordRuns = [];
        private readonly Dictionary<string, SimulatedRun> _lineRuns = [];

        public Fixture()
        {
            foreach (var (name, make) in RecordSources)
            {
                _records[name] = make();
            }

            foreach (var (name, make) in LineSources)
            {
                _lines[name] = make();
            }

            var jobs = new List<(SparkJobOptions, IReadOnlyList<(string, byte[])>)>();
            var keys = new List<object>();
            foreach (var (source, blocks) in _records)
            {
                var file = Warc.Concat([.. blocks.Select(Record)]);
                for (var r = 0; r < RecordRules.Length; r++)
                {
                    var (rule, types) = RecordRules[r];
                    var options = new SparkJobOptions { Key = rule, Output = "o", Types = types == null ? null : SparkArguments.ParseTypes(types)! };
                    jobs.Add((options, [(source + ".warc", file)]));
                    keys.Add((source, r));
                }
            }

            foreach (var (source, lines) in _lines)
            {
                jobs.Add((new SparkJobOptions { Key = KeyRule.Seed, Output = "o" }, [(source + ".txt", lines.SelectMany(l => (byte[])[.. l, (byte)'\n']).ToArray())]));
                keys.Add(source);
            }

            // One JVM for every input.
            var runs = SparkJobSimulation.Run(jobs);
            for (var i = 0; i < runs.Count; i++)
            {
                if (keys[i] is string source)
                {
                    Assert.Equal(_lines[source].Count, runs[i].Rows.Count);
                    _lineRuns[source] = runs[i];
                }
                else
                {
                    var key = ((string, int))keys[i];
                    Assert.Equal(_records[key.Item1].Count, runs[i].Rows.Count);
                    _recordRuns[key] = runs[i];
                }
            }
        }

        /// <summary>Record sources: each record is given by its header lines (after the version line, before Content-Length).</summary>
        public static IReadOnlyDictionary<string, Func<List<byte[]>>> RecordSources { get; } = new Dictionary<string, Func<List<byte[]>>>
        {
            ["spark-rule-cases"] = () => Typed(OriginRuleTests.Cases.Select(c => Encoding.UTF8.GetBytes(c.Uri))
                .Append([.. "http://a"u8, 0xFF, .. "b.com/"u8]).Append([.. "http://ab.com/"u8, 0xFF, 0xC3])),
            ["job-test-uris"] = () => Typed(JobTestCases.Uris()),
            // The seeds and counts the job's own tests use.
            ["random-uris"] = () => Typed(NastyUris.Generate(seed: 20240501, count: 4000)
                .Concat(NastyUris.Generate(seed: 7, count: 3000)).Concat(NastyUris.Generate(seed: 3, count: 2000))),
            ["fixture-target-uris"] = () => FixtureFiles.All()
                .SelectMany(f => FixtureFiles.TargetUriHeaders(FixtureFiles.Decoded(f.Bytes)))
                .Select((header, i) => WithType(Types[i % Types.Length], header))
                .ToList(),
            ["header-lines"] = HeaderLineVariants,
        };

        /// <summary>Line sources for the seed rule (no LF inside a line).</summary>
        public static IReadOnlyDictionary<string, Func<List<byte[]>>> LineSources { get; } = new Dictionary<string, Func<List<byte[]>>>
        {
            ["spark-seed-cases"] = () => [.. SeedRuleTests.Cases.Select(c => Encoding.UTF8.GetBytes(c.Line)), [.. "WARC-Target-URI: http://x"u8, 0xFE, .. "/p"u8]],
            ["job-test-lines"] = () => [.. JobTestCases.SeedLines().Where(l => !l.Contains((byte)'\n'))],
            ["random-lines"] = () => NastyLines.Generate(seed: 99, count: 5000),
            ["fixture-lines"] = () => [.. FixtureFiles.All().SelectMany(f => FixtureFiles.Lines(FixtureFiles.Decoded(f.Bytes)))],
            ["long-lines"] = LongLines,
        };

        public List<string> RecordMismatches(string source)
        {
            var mismatches = new List<string>();
            for (var r = 0; r < RecordRules.Length; r++)
            {
                var local = new LocalMappers(RecordRules[r].Rule, RecordRules[r].Types);
                var rows = _recordRuns[(source, r)].Rows;
                for (var i = 0; i < rows.Count; i++)
                {
                    var block = _records[source][i];
                    var expected = ReaderModel.DropsRecord(HeaderBytes(block)) ? new LocalOutcome(Dropped, null) : local.MapRecord(block);
                    if (Disagreement(expected, rows[i], mayRefuse: false) is { } why)
                    {
                        mismatches.Add($"--key {RecordRules[r].Rule} --types {RecordRules[r].Types ?? "-"}: {Show(block)}: {why}");
                    }
                }
            }

            return mismatches;
        }

        public List<string> LineMismatches(string source)
        {
            var mismatches = new List<string>();
            var local = new LocalMappers(KeyRule.Seed);
            var rows = _lineRuns[source].Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                var line = _lines[source][i];
                var expected = local.MapLine(ReaderModel.Line(line));

                // A line that starts like a gzip file is refused (a compressed file without a .gz name).
                var mayRefuse = line.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]);
                if (Disagreement(expected, rows[i], mayRefuse) is { } why)
                {
                    mismatches.Add($"{Show(line.Length > 200 ? line[..200] : line)}: {why}");
                }
            }

            return mismatches;
        }

        /// <summary>
        /// Per plan: the job's <c>records.*</c> counters over the records Spark counts exactly (no refusal), and Spark's
        /// own from the same rows.
        /// </summary>
        public IEnumerable<(List<string> Expected, List<string> Actual, string Label)> RecordCounters(string source)
        {
            for (var r = 0; r < RecordRules.Length; r++)
            {
                var (rule, types) = RecordRules[r];
                var rows = _recordRuns[(source, r)].Rows;
                var local = new LocalMappers(rule, types);
                var counted = new List<PlanRow>();
                for (var i = 0; i < rows.Count; i++)
                {
                    if (rows[i].Problem == "")
                    {
                        local.MapRecord(_records[source][i]);
                        counted.Add(rows[i]);
                    }
                }

                var spark = CounterSummary.From(
                    counted.GroupBy(row => (row.Status, Type: row.Text("type"))).Select(g => new CounterRow(g.Key.Status, g.Key.Type, "", null, g.LongCount())),
                    rule,
                    inputFiles: 1);
                yield return (Records(local.Counters.Snapshot()), Records(spark.Counters), $"--key {rule} --types {types ?? "-"}");
            }

            static List<string> Records(IEnumerable<KeyValuePair<string, long>> counters) =>
                [.. counters.Where(c => c.Key.StartsWith("records.", StringComparison.Ordinal) && c.Value != 0).Select(c => c.Key + "=" + c.Value).Order(StringComparer.Ordinal)];
        }

        /// <summary>How many records or lines each source gave.</summary>
        public Dictionary<string, int> Sizes() =>
            _records.Select(r => (r.Key, r.Value.Count)).Concat(_lines.Select(l => (l.Key, l.Value.Count))).ToDictionary();

        public Dictionary<string, int> OutcomeCounts()
        {
            var counts = new Dictionary<string, int>();
            void Count(string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
            foreach (var run in _recordRuns.Values)
            {
                foreach (var row in run.Rows)
                {
                    Count(row.Problem == "" ? row.Status : Refused);
                }
            }

            foreach (var run in _lineRuns.Values)
            {
                foreach (var row in run.Rows)
                {
                    Count("seed:" + (row.Problem == "" ? row.Status : Refused));
                }
            }

            return counts;
        }

        /// <summary>Why the plan's row disagrees with the local outcome, or null when it agrees (or rightly refuses).</summary>
        private static string? Disagreement(LocalOutcome local, PlanRow spark, bool mayRefuse)
        {
            var sparkKey = spark.Bytes("key");
            var sparkSays = spark.Problem != "" ? $"refused ({spark.Problem})" : spark.Status + (sparkKey == null ? "" : " " + Show(sparkKey));
            var localSays = local.Status + (local.Key == null ? "" : " " + Show(local.Key));
            var mustRefuse = local.Status == Dropped || (local.Key != null && !SparkCanHold(local.Key));
            if (mustRefuse)
            {
                return spark.Problem != "" ? null : $"local {localSays}: Spark must refuse, but says {sparkSays}";
            }

            if (spark.Problem != "")
            {
                return mayRefuse ? null : $"local {localSays}, Spark {sparkSays}";
            }

            var same = spark.Status == local.Status && (local.Key == null ? sparkKey == null : sparkKey != null && local.Key.AsSpan().SequenceEqual(sparkKey));
            return same ? null : $"local {localSays}, Spark {sparkSays}";
        }

        /// <summary>A key Spark's string functions carry unchanged: valid UTF-8 without U+FFFD (the plan's refusal marker).</summary>
        private static bool SparkCanHold(byte[] key) => Utf8.IsValid(key) && key.AsSpan().IndexOf("\uFFFD"u8) < 0;

        private static List<byte[]> Typed(IEnumerable<byte[]> uris) =>
            [.. uris.Where(u => !u.Contains((byte)'\n')).Select((uri, i) => WithType(Types[i % Types.Length], [.. "WARC-Target-URI: "u8, .. uri, .. "\r\n"u8]))];

        private static byte[] WithType(string? type, byte[] targetLines) =>
            [.. type == null ? [] : Encoding.UTF8.GetBytes("WARC-Type: " + type + "\r\n"), .. targetLines];

        /// <summary>A record around the header lines: version line, Content-Length, a two-byte block, the trailer.</summary>
        private static byte[] Record(byte[] block) => [.. "WARC/1.0\r\n"u8, .. block, .. RecordEnd];

        private static ReadOnlySpan<byte> RecordEnd => "Content-Length: 2\r\n\r\nhi\r\n\r\n"u8;

        /// <summary>The header bytes the local reader measures: after the version line, up to and including the empty line.</summary>
        private static int HeaderBytes(byte[] block) => block.Length + "Content-Length: 2\r\n\r\n".Length;

        /// <summary>Header-line spellings where the plan's header extraction could part from the reader's.</summary>
        private static List<byte[]> HeaderLineVariants()
        {
            string[] variants =
            [
                "WARC-Type: response\r\nWARC-Target-URI: http://plain.example/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI : http://space.before.colon/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI\t \t:http://tab.before.colon/\r\n",
                "WARC-Type: response\r\nwarc-target-uri:http://no.space.after/\r\n",
                "WARC-Type: response\r\nWARC-TARGET-URI:  \t<http://Brackets.Example/>\t \r\n",
                "WARC-Type: response\r\r\nWARC-Target-URI: http://type.with.two.crs/\r\n",
                "WARC-Type: response \r \r\nWARC-Target-URI: http://type.cr.inside/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://uri.two.crs/\r\r\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: <http://two.crs.in.brackets/>\r\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://cr.in\rhost/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI:\r\n \r\n\thttp://blank.continuation/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: <http://blank.inside/\r\n \r\n >\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: <\r\n http://folded.in.brackets/\r\n >\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://fold\r\n\t\t.host/\r\n",
                "WARC-Type: res\r\n ponse\r\nWARC-Target-URI: http://folded.type/\r\n",
                "WARC-Type:\r\n response\r\n\r\nWARC-Target-URI: http://type.continued.by.cr.line/\r\n".Replace("\r\n\r\n", "\r\n\r\r\n", StringComparison.Ordinal),
                "WARC-Type: response\r\nWARC-Target-URI:\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: \t \r\n",
                "WARC-Type: response\r\nWARC-Target-URI: <>\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: < >\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: <<>>\r\n",
                "WARC-Type: response\r\n",
                "WARC-Type: response\r\nX-WARC-Target-URI: http://other.header/\r\n",
                "WARC-Type: response\r\nWARC-Target-URIs: http://longer.name/\r\n",
                "WARC-Type: response\r\n WARC-Target-URI: http://continuation.of.type/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://first.wins/\r\nWARC-Target-URI: http://second/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI:\r\nWARC-Target-URI: http://second.after.empty/\r\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://lf.only/\n",
                "WARC-Type: response\nWARC-Target-URI: http://lf.then\r\n .crlf/\n",
                "WARC-Type: response\r\nWARC-Target-URI: http://\u00C9COLE.example/\r\n",
                "WARC-Type: R\u00C9SPONSE\r\nWARC-Target-URI: http://non.ascii.type/\r\n",
                "WARC-Type: Response\u212A\r\nWARC-Target-URI: http://kelvin.type/\r\n",
                "WARC-Type: response\r\nContent-Type: text/html\r\nWARC-Target-URI: http://after.other.headers/\r\n",
            ];
            var blocks = variants.Select(Encoding.UTF8.GetBytes).ToList();

            // A header block over the reader's 1 MiB limit: the local reader drops the record.
            blocks.Add(Encoding.UTF8.GetBytes("WARC-Type: response\r\nWARC-Target-URI: http://huge.header/" + new string('p', ReaderModel.MaxHeaderBytes) + "\r\n"));
            blocks.Add(Encoding.UTF8.GetBytes("WARC-Type: response\r\nWARC-Target-URI: http://big.header/" + new string('p', ReaderModel.MaxHeaderBytes - 200) + "\r\n"));
            return blocks;
        }

        /// <summary>Lines around the local line reader's 1 MiB limit, where it cuts a line.</summary>
        private static List<byte[]> LongLines()
        {
            var max = ReaderModel.MaxLineLength;
            var prefix = "WARC-Target-URI: http://";
            return
            [
                Encoding.UTF8.GetBytes(prefix + new string('a', max) + "/x"),
                Encoding.UTF8.GetBytes(prefix + new string('b', max - prefix.Length - 1) + "/x"),
                Encoding.UTF8.GetBytes(prefix + new string('c', max - prefix.Length) + "/x"),
                Encoding.UTF8.GetBytes("WARC-Target-URI: dns:" + new string('d', max)),
                Encoding.UTF8.GetBytes(prefix + new string('\u00e9', max / 2) + "/x"),
                Encoding.UTF8.GetBytes(new string('z', max + 10)),
            ];
        }

        private static string Show(byte[] bytes)
        {
            var sb = new StringBuilder();
            foreach (var b in bytes.Length > 160 ? bytes[..160] : bytes)
            {
                sb.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
            }

            return (bytes.Length > 160 ? sb.Append("…(" + bytes.Length + " bytes)") : sb).ToString();
        }
    }
}
