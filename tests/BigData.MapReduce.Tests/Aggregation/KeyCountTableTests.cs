using System.Text;
using BigData.MapReduce.Aggregation;
using BigData.MapReduce.Keys;

namespace BigData.MapReduce.Tests.Aggregation;

public class KeyCountTableTests
{
    [Fact]
    public void Add_ManyKeysThroughGrowth_MatchesDictionary()
    {
        var random = new Random(7);
        var reference = new Dictionary<string, long>(StringComparer.Ordinal);
        using var table = new KeyCountTable(initialCapacity: 4);
        for (var i = 0; i < 100_000; i++)
        {
            var key = "key-" + random.Next(30_000) + (i % 5 == 0 ? "-ü" : "");
            var delta = random.Next(-3, 10);
            table.Add(Encoding.UTF8.GetBytes(key), delta);
            reference[key] = reference.GetValueOrDefault(key) + delta;
        }

        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, count) in reference)
        {
            Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes(key), out var actual), key);
            Assert.Equal(count, actual);
        }

        Assert.False(table.TryGetValue("absent"u8, out _));
    }

    [Fact]
    public void Add_CountOverflows_ThrowsNamingTheKey()
    {
        using var table = new KeyCountTable();
        table.Add("big"u8, long.MaxValue - 1);
        table.Add("big"u8, 1);

        var error = Assert.Throws<OverflowException>(() => table.Add("big"u8, 1));
        Assert.Contains("'big'", error.Message);
        Assert.True(table.TryGetValue("big"u8, out var count));
        Assert.Equal(long.MaxValue, count);

        table.Add("low"u8, long.MinValue);
        Assert.Throws<OverflowException>(() => table.Add("low"u8, -1));
    }

    [Fact]
    public void EnumerateSorted_GroupsByHadoopPartitionThenOrdersKeyBytes()
    {
        var keys = Enumerable.Range(0, 3000).Select(i => Encoding.UTF8.GetBytes($"{(char)('a' + (i % 26))}{i}-𝄞{i % 7}")).ToList();
        keys.Add(Encoding.UTF8.GetBytes("\uff5e"));
        keys.Add([]);
        using var table = new KeyCountTable();
        foreach (var key in keys)
        {
            table.Add(key, key.Length);
        }

        var seen = new List<(int Partition, string Hex, long Count)>();
        foreach (var entry in table.EnumerateSorted(5))
        {
            seen.Add((entry.Partition, Convert.ToHexString(entry.Key), entry.Count));
        }

        var expected = keys
            .Select(k => (Partition: HadoopHashPartitioner.GetPartition(k, 5), Hex: Convert.ToHexString(k), Count: (long)k.Length))
            .OrderBy(e => e.Partition)
            .ThenBy(e => e.Hex, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void TryAdd_WithBudget_RefusesNewKeysButStaysWithinBudgetAndAcceptsExistingOnes()
    {
        const long budget = 16 * 1024;
        using var table = new KeyCountTable(budget);
        var accepted = new List<string>();
        for (var i = 0; ; i++)
        {
            var key = $"http://host-{i}.example.com";
            if (!table.TryAdd(Encoding.UTF8.GetBytes(key), 1))
            {
                break;
            }

            accepted.Add(key);
            Assert.True(table.EstimatedBytes <= budget, $"{table.EstimatedBytes} bytes after {i + 1} keys");
        }

        Assert.True(accepted.Count > 50, $"only {accepted.Count} keys fit in {budget} bytes");
        Assert.True(table.TryAdd(Encoding.UTF8.GetBytes(accepted[0]), 5), "an existing key never needs room");
        Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes(accepted[0]), out var count));
        Assert.Equal(6, count);
    }

    [Fact]
    public void EstimatedBytes_GrowsWithKeysAndCoversKeyBytes()
    {
        using var table = new KeyCountTable();
        var empty = table.EstimatedBytes;
        var keyBytes = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            var key = Encoding.UTF8.GetBytes($"some-fairly-long-key-number-{i:D8}");
            keyBytes += key.Length;
            table.Add(key, 1);
        }

        // At least the keys, a count and a hash each; at most a few times that (arrays double).
        Assert.True(table.EstimatedBytes > empty + keyBytes + (10_000 * 12), $"{table.EstimatedBytes}");
        Assert.True(table.EstimatedBytes < 4 * (keyBytes + (10_000 * 40)), $"{table.EstimatedBytes}");
    }

    [Fact]
    public void Clear_ThenReuse_ForgetsOldKeysKeepsWorking()
    {
        using var table = new KeyCountTable(8 * 1024);
        for (var round = 0; round < 5; round++)
        {
            var i = 0;
            while (table.TryAdd(Encoding.UTF8.GetBytes($"r{round}-k{i}"), round + 1))
            {
                i++;
            }

            Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes($"r{round}-k0"), out var count));
            Assert.Equal(round + 1, count);
            if (round > 0)
            {
                Assert.False(table.TryGetValue(Encoding.UTF8.GetBytes($"r{round - 1}-k0"), out _));
            }

            table.Clear();
            Assert.Equal(0, table.Count);
        }
    }

    [Fact]
    public void Add_KeysLongerThanArenaChunk_StoredIntactBetweenShortOnes()
    {
        // A 4 KiB budget gives 256-byte arena chunks; Add ignores the budget.
        using var table = new KeyCountTable(4096);
        var huge = Encoding.UTF8.GetBytes(new string('h', 10_000));
        var other = Encoding.UTF8.GetBytes(new string('o', 300));
        table.Add("small"u8, 1);
        table.Add(huge, 2);
        table.Add("after"u8, 4);
        table.Add(other, 6);
        table.Add(huge, 3);

        Assert.True(table.TryGetValue(huge, out var count));
        Assert.Equal(5, count);
        Assert.True(table.TryGetValue(other, out count));
        Assert.Equal(6, count);
        Assert.True(table.TryGetValue("small"u8, out count));
        Assert.Equal(1, count);
        Assert.True(table.TryGetValue("after"u8, out count));
        Assert.Equal(4, count);
        Assert.False(table.TryGetValue(huge.AsSpan(1), out _));
    }

    [Fact]
    public void Add_RunsOfTheSameKeyThroughGrowthAndClear_MatchesDictionary()
    {
        // Runs of one key (as Common Crawl's request/response/metadata triples give) next to prefixes, extensions and
        // keys of the same length, so the check against the last key must compare every byte.
        var random = new Random(11);
        var reference = new Dictionary<string, long>(StringComparer.Ordinal);
        using var table = new KeyCountTable(initialCapacity: 4);
        for (var i = 0; i < 20_000; i++)
        {
            var stem = "http://h" + random.Next(500);
            var key = random.Next(4) switch
            {
                0 => stem,
                1 => stem + "x",
                2 => stem[..^1] + (char)('a' + random.Next(3)),
                _ => stem + ":8080",
            };
            for (var run = random.Next(1, 4); run > 0; run--)
            {
                var delta = random.Next(1, 4);
                if (i % 2 == 0)
                {
                    table.Add(Encoding.UTF8.GetBytes(key), delta);
                }
                else
                {
                    Assert.True(table.TryAdd(Encoding.UTF8.GetBytes(key), delta));
                }

                reference[key] = reference.GetValueOrDefault(key) + delta;
            }

            if (i == 10_000)
            {
                table.Clear();
                reference.Clear();
            }
        }

        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, count) in reference)
        {
            Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes(key), out var actual), key);
            Assert.Equal(count, actual);
        }
    }

    [Fact]
    public void Add_SameKeyAgainAfterOverflow_StillThrowsAndKeepsTheCount()
    {
        using var table = new KeyCountTable();
        table.Add("k"u8, long.MaxValue);
        Assert.Throws<OverflowException>(() => table.Add("k"u8, 1));
        Assert.Throws<OverflowException>(() => table.TryAdd("k"u8, 1));
        Assert.True(table.TryGetValue("k"u8, out var count));
        Assert.Equal(long.MaxValue, count);
    }
}
