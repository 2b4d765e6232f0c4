using System.Text;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Keys;
using BigData.MapReduce.Merging;
using BigData.MapReduce.Tests.Support;
using BigData.MapReduce.Text;
using BigData.Storage.Outputs;
using TestSupport;

namespace BigData.MapReduce.Tests.Aggregation;

public class SpillingAggregatorTests
{
    [Fact]
    public void Complete_TinyBudget_ManySpillsSameResultAsNoSpill()
    {
        using var temp = new TempDirectory();
        var pairs = RandomPairs(seed: 11, count: 30_000, distinct: 4_000);

        var (spilledRuns, spills) = Aggregate(temp.Combine("tiny"), pairs, memoryBytes: 8 * 1024, partitions: 3);
        var (wholeRuns, noSpills) = Aggregate(temp.Combine("large"), pairs, memoryBytes: 256L << 20, partitions: 3);

        Assert.True(spills > 20, $"expected many spills, got {spills}");
        Assert.Equal(0, noSpills);
        Assert.Equal(3, wholeRuns.Count);
        var expected = ExpectedCounts.Render(pairs);
        Assert.Equal(expected, MergeAll(temp.Combine("m1"), spilledRuns));
        Assert.Equal(expected, MergeAll(temp.Combine("m2"), wholeRuns));
    }

    [Fact]
    public void Complete_Runs_EachSortedDistinctAndInItsHadoopPartition()
    {
        using var temp = new TempDirectory();
        var pairs = RandomPairs(seed: 5, count: 20_000, distinct: 3_000);

        var (runs, _) = Aggregate(temp.Path, pairs, memoryBytes: 16 * 1024, partitions: 4);

        foreach (var run in runs)
        {
            var keys = new List<string>();
            using var reader = new KeyValueReader(File.OpenRead(run.Path));
            while (reader.TryRead(out var key, out _, out var result))
            {
                Assert.Equal(KeyValueParseResult.Ok, result);
                Assert.Equal(run.Partition, HadoopHashPartitioner.GetPartition(key, 4));
                keys.Add(Convert.ToHexString(key));
            }

            Assert.Equal(run.Records, keys.Count);
            Assert.Equal(keys.Order(StringComparer.Ordinal).Distinct(), keys);
        }
    }

    [Fact]
    public void Add_NoKeys_CompleteWritesNoRuns()
    {
        using var temp = new TempDirectory();
        using var aggregator = new SpillingAggregator(temp.Path, 2, 1024);

        Assert.Empty(aggregator.Complete());
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    internal static List<(byte[] Key, long Count)> RandomPairs(int seed, int count, int distinct)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => (Encoding.UTF8.GetBytes($"k{random.Next(distinct)}{(random.Next(10) == 0 ? "é𝄞" : "")}"), (long)random.Next(1, 100)))
            .ToList();
    }

    private static (IReadOnlyList<RunFile> Runs, int Spills) Aggregate(
        string directory, IEnumerable<(byte[] Key, long Count)> pairs, long memoryBytes, int partitions)
    {
        using var aggregator = new SpillingAggregator(directory, partitions, memoryBytes);
        foreach (var (key, count) in pairs)
        {
            aggregator.Add(key, count);
            if (aggregator.EstimatedBytes > memoryBytes)
            {
                Assert.Fail($"{aggregator.EstimatedBytes} bytes held, over the budget of {memoryBytes}");
            }
        }

        var spills = aggregator.SpillCount;
        return (aggregator.Complete(), spills);
    }

    private static byte[] MergeAll(string scratch, IReadOnlyList<RunFile> runs)
    {
        using var output = new MemoryStream();
        using (var writer = new TsvKeyCountWriter(output))
        {
            new RunMerger(scratch).Merge(runs.Select(r => r.Path).ToList(), writer);
            writer.Complete();
        }

        return output.ToArray();
    }
}
