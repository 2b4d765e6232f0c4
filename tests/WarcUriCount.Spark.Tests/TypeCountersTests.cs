using System.Text;
using WarcUriCount.Mapping;
using WarcUriCount.SparkPlan;

namespace WarcUriCount.Spark.Tests;

/// <summary>The by-type counter names against the job's own (RecordTypeTable), so every runner reports the same names.</summary>
public sealed class TypeCountersTests
{
    [Theory]
    [InlineData("response")]
    [InlineData("Foo,Bar Baz")]
    [InlineData("t\u00fcp")]
    [InlineData("R\u00c9SPONSE\u212A")]
    [InlineData("a.b_c-d")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9")]
    public void Suffix_AnyType_SameAsTheJobsCounterSuffix(string type)
    {
        Assert.Equal(RecordTypeTable.CounterSuffix(Encoding.UTF8.GetBytes(type)), TypeCounters.Suffix(type));
    }

    [Fact]
    public void Constants_SameAsTheJobs()
    {
        Assert.Equal(RecordTypeTable.MaxDistinctTypes, TypeCounters.MaxDistinctTypes);
        Assert.Equal(RecordTypeTable.MaxNameLength, TypeCounters.MaxSuffixBytes);
        Assert.Equal(RecordTypeTable.MissingName, TypeCounters.Missing);
        Assert.Equal(RecordTypeTable.OtherName, TypeCounters.Other);
    }

    [Fact]
    public void Names_NoTypeAndSanitisedTypes_MissingAndSharedNames()
    {
        var names = TypeCounters.Names(new Dictionary<string, long> { [""] = 2, ["foo,bar"] = 3, ["foo bar"] = 4 })
            .GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.Sum(n => n.Count));

        Assert.Equal(2, names["records.by_type._missing"]);
        Assert.Equal(7, names["records.by_type.foo_bar"]);
    }

    [Fact]
    public void Names_MoreThan32Types_MostFrequentKeepTheirNamesRestShareOther()
    {
        var counts = Enumerable.Range(0, 40).ToDictionary(i => "t" + i, i => (long)(100 - i));

        var names = TypeCounters.Names(counts).ToList();

        Assert.Equal(32, names.Count(n => n.Name != "records.by_type._other"));
        Assert.Contains(("records.by_type.t0", 100L), names);
        Assert.Contains(("records.by_type.t31", 69L), names);
        Assert.Equal(Enumerable.Range(32, 8).Sum(i => 100L - i), names.Where(n => n.Name == "records.by_type._other").Sum(n => n.Count));
    }
}
