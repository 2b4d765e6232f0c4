using System.Reflection;
using System.Text;
using WarcUriCount.Tests;

namespace WarcUriCount.Spark.Tests.Support;

/// <summary>
/// The inputs the job's own tests (tests/WarcUriCount.Tests) use, read from that assembly rather than copied: the
/// first argument of every <c>[InlineData]</c> of its key-rule tests, and its hand-made tables. Encoded as those tests
/// encode them (URIs as UTF-8, seed lines as Latin-1, one char per byte).
/// </summary>
public static class JobTestCases
{
    /// <summary>Every URI of <c>OriginKeyTests</c> and <c>OriginKeyOracleTests</c>.</summary>
    public static IReadOnlyList<byte[]> Uris() =>
        [.. InlineDataFirstStrings(typeof(OriginKeyTests)).Concat(HandMade(typeof(OriginKeyOracleTests))).Select(Encoding.UTF8.GetBytes)];

    /// <summary>Every line of <c>SeedKeyTests</c> and <c>ClassicScriptsTests</c>.</summary>
    public static IReadOnlyList<byte[]> SeedLines() =>
        [.. InlineDataFirstStrings(typeof(SeedKeyTests)).Concat(HandMade(typeof(ClassicScriptsTests))).Select(Encoding.Latin1.GetBytes)];

    private static IEnumerable<string> InlineDataFirstStrings(Type tests)
    {
        var found = tests.GetMethods()
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .Select(a => a.GetData(null!).Single()[0])
            .OfType<string>()
            .ToList();
        Assert.True(found.Count > 10, $"{tests.Name}: expected its [InlineData] cases");
        return found;
    }

    /// <summary>The static <c>HandMade</c> string array of a test class.</summary>
    private static string[] HandMade(Type tests)
    {
        var field = tests.GetField("HandMade", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{tests.Name}.HandMade not found: update {nameof(JobTestCases)}");
        var values = (string[])field.GetValue(null)!;
        Assert.NotEmpty(values);
        return values;
    }
}
