using WarcUriCount.Keys;

namespace WarcUriCount.Tests;

public class KeyRulesTests
{
    [Theory]
    [InlineData("origin", KeyRule.Origin)]
    [InlineData("host", KeyRule.Host)]
    [InlineData("seed", KeyRule.Seed)]
    [InlineData("ORIGIN", KeyRule.Origin)]
    [InlineData("Seed", KeyRule.Seed)]
    public void Parse_CliName_Rule(string name, KeyRule expected)
    {
        Assert.Equal(expected, KeyRules.Parse(name));
        Assert.True(KeyRules.TryParse(name, out var rule));
        Assert.Equal(expected, rule);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("")]
    [InlineData(" origin")]
    [InlineData("0")]
    [InlineData("Origin,host")]
    [InlineData(null)]
    public void Parse_UnknownName_ClearErrorListingTheValidNames(string? name)
    {
        Assert.False(KeyRules.TryParse(name, out _));
        var error = Assert.Throws<ArgumentException>(() => KeyRules.Parse(name));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("origin, host, seed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyRule.Origin, "origin")]
    [InlineData(KeyRule.Host, "host")]
    [InlineData(KeyRule.Seed, "seed")]
    public void ToName_EveryRule_RoundTrips(KeyRule rule, string name)
    {
        Assert.Equal(name, rule.ToName());
        Assert.Equal(rule, KeyRules.Parse(rule.ToName()));
    }
}
