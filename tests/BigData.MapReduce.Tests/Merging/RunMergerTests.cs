using System.Text;
using BigData.MapReduce.Merging;
using BigData.MapReduce.Tests.Support;
using BigData.Storage.Outputs;
using TestSupport;

namespace BigData.MapReduce.Tests.Merging;

public class RunMergerTests
{
    [Fact]
    public void Merge_ManyMoreRunsThanFanIn_IntermediatePassesSameResult()
    {
        using var temp = new TempDirectory();
        var random = new Random(3);
        var all = new List<(byte[] Key, long Count)>();
        var runs = new List<string>();
        for (var r = 0; r < 150; r++)
        {
            // Each run: distinct sorted keys, overlapping with other runs; some runs empty.
            var pairs = Enumerable.Range(0, random.Next(0, 200))
                .Select(_ => $"key-{random.Next(2_000)}{(random.Next(5) == 0 ? "-𝄞" : "")}")
                .Distinct()
                .Select(k => (Key: Encoding.UTF8.GetBytes(k), Count: (long)random.Next(1, 1000)))
                .ToList();
            all.AddRange(pairs);
            var path = temp.Combine($"run-{r:D3}");
            File.WriteAllBytes(path, ExpectedCounts.Render(pairs));
            runs.Add(path);
        }

        var merger = new RunMerger(temp.Combine("scratch"), fanIn: 4, bufferSize: 64);
        using var output = new MemoryStream();
        long written;
        using (var writer = new TsvKeyCountWriter(output))
        {
            written = merger.Merge(runs, writer);
            writer.Complete();
        }

        var expected = ExpectedCounts.Render(all);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(ExpectedCounts.SplitLines(expected).Count(), written);
        Assert.True(merger.IntermediateMerges >= 49, $"{merger.IntermediateMerges} intermediate merges");
        Assert.All(runs, r => Assert.True(File.Exists(r), "inputs are left in place"));
        Assert.Empty(Directory.GetFiles(temp.Combine("scratch")));
    }

    [Fact]
    public void Merge_NoRuns_WritesNothing()
    {
        using var temp = new TempDirectory();
        using var output = new MemoryStream();
        using var writer = new TsvKeyCountWriter(output);

        Assert.Equal(0, new RunMerger(temp.Path).Merge([], writer));
        writer.Complete();
        Assert.Empty(output.ToArray());
    }

    [Fact]
    public void Merge_UnsortedRun_ThrowsInsteadOfWritingWrongCounts()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("bad");
        File.WriteAllText(path, "b\t1\na\t1\n");

        using var writer = new TsvKeyCountWriter(new MemoryStream());
        var error = Assert.Throws<InvalidDataException>(() => new RunMerger(temp.Path).Merge([path], writer));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Merge_DamagedRunLine_ThrowsNamingFileAndLine()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("damaged");
        File.WriteAllText(path, "a\t1\nb\tx\n");

        using var writer = new TsvKeyCountWriter(new MemoryStream());
        var error = Assert.Throws<InvalidDataException>(() => new RunMerger(temp.Path).Merge([path], writer));
        Assert.Contains(path, error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Merge_SumOverflows_Throws()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("r1"), $"k\t{long.MaxValue}\n");
        File.WriteAllText(temp.Combine("r2"), "k\t1\n");

        using var writer = new TsvKeyCountWriter(new MemoryStream());
        Assert.Throws<OverflowException>(() => new RunMerger(temp.Path).Merge([temp.Combine("r1"), temp.Combine("r2")], writer));
    }
}
