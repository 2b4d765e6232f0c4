using System.Text;
using BigData.MapReduce.Keys;

namespace BigData.MapReduce.Tests.Keys;

public class HadoopHashPartitionerTests
{
    // Expected values computed with java 17 (jshell): WritableComparator.hashBytes's loop over the UTF-8 bytes,
    // hash = 31 * hash + (int) b starting at 1, and (hash & Integer.MAX_VALUE) % n.
    [Theory]
    [InlineData("", 1, 1, 1, 1)]
    [InlineData("a", 128, 2, 2, 128)]
    [InlineData("http://example.com", -1475752084, 1, 0, 564)]
    [InlineData("https://[2001:db8::1]", 1506118742, 2, 2, 742)]
    [InlineData("bücher.de", 1495817795, 2, 3, 795)]
    [InlineData("日本.jp", 1243549617, 0, 2, 617)]
    [InlineData("http://a.b:8080", -2107675610, 0, 4, 38)]
    [InlineData("zz\u00ff", 4673309, 2, 4, 309)]
    public void Hash_MatchesJavaHashBytesAndHashPartitioner(string key, int javaHash, int of3, int of7, int of1000)
    {
        var bytes = Encoding.UTF8.GetBytes(key);

        Assert.Equal(javaHash, HadoopHashPartitioner.Hash(bytes));
        Assert.Equal(of3, HadoopHashPartitioner.GetPartition(bytes, 3));
        Assert.Equal(of7, HadoopHashPartitioner.GetPartition(bytes, 7));
        Assert.Equal(of1000, HadoopHashPartitioner.GetPartition(bytes, 1000));
        Assert.Equal(0, HadoopHashPartitioner.GetPartition(bytes, 1));
    }

    [Fact]
    public void Hash_RandomKeysOfEveryLength_EqualsTheByteByByteDefinition()
    {
        var random = new Random(99);
        for (var length = 0; length < 70; length++)
        {
            for (var n = 0; n < 20; n++)
            {
                var key = new byte[length];
                random.NextBytes(key);
                var expected = 1;
                foreach (var b in key)
                {
                    expected = unchecked((31 * expected) + (sbyte)b);
                }

                Assert.Equal(expected, HadoopHashPartitioner.Hash(key));
            }
        }
    }

    [Fact]
    public void GetPartition_ZeroPartitions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HadoopHashPartitioner.GetPartition("a"u8, 0));
    }
}
