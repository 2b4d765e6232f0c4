using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BigData.Benchmarks;

/// <summary>Adds a column with the throughput in MB/s of compressed input, the unit of DESIGN.md §8 and bench.sh.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new CompressedThroughputColumn());

    private sealed class CompressedThroughputColumn : IColumn
    {
        public string Id => nameof(CompressedThroughputColumn);

        public string ColumnName => "MB/s (compressed)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Compressed input bytes per second, in 10^6 bytes";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var meanNs = report?.ResultStatistics?.Mean;
            return meanNs is > 0
                ? (BenchmarkSample.Compressed.Length / 1e6 / (meanNs.Value / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
                : "NA";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
