using WarcUriCount.Keys;

namespace WarcUriCount.Tests;

public class WarcUriCountOptionsTests
{
    [Fact]
    public void Default_OriginWithoutTypeFilter()
    {
        var options = new WarcUriCountOptions();

        Assert.Equal(KeyRule.Origin, options.Key);
        Assert.Null(options.Types);
        Assert.Equal(options, WarcUriCountOptions.Default);
        options.Validate();
    }

    [Fact]
    public void FromCommandLine_NullValues_Defaults()
    {
        var options = WarcUriCountOptions.FromCommandLine(null, null);

        Assert.Equal(KeyRule.Origin, options.Key);
        Assert.Null(options.Types);
    }

    [Fact]
    public void FromCommandLine_KeyAndTypes_ParsedCaseInsensitively()
    {
        var options = WarcUriCountOptions.FromCommandLine("host", "response, Revisit");

        Assert.Equal(KeyRule.Host, options.Key);
        Assert.NotNull(options.Types);
        Assert.Equal(2, options.Types.Count);
        Assert.Contains("RESPONSE", options.Types);
        Assert.Contains("revisit", options.Types);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("response,")]
    [InlineData(",response")]
    [InlineData("response,,request")]
    [InlineData("response, ,request")]
    public void ParseTypes_EmptyName_Refused(string list)
    {
        var error = Assert.Throws<ArgumentException>(() => WarcUriCountOptions.ParseTypes(list));
        Assert.Contains("empty type name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCommandLine_TypesWithSeed_RefusedWithReason()
    {
        var error = Assert.Throws<ArgumentException>(() => WarcUriCountOptions.FromCommandLine("seed", "response"));
        Assert.Contains("seed is line-oriented and cannot filter by record type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCommandLine_UnknownKey_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WarcUriCountOptions.FromCommandLine("domain", null));
        Assert.Contains("domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptySet_Refused()
    {
        var options = new WarcUriCountOptions { Types = new HashSet<string>() };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a,b")]
    [InlineData(" response")]
    public void Validate_BadNameInSet_Refused(string name)
    {
        var options = new WarcUriCountOptions { Types = new HashSet<string> { "request", name } };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Validate_UndefinedRule_Refused()
    {
        var options = new WarcUriCountOptions { Key = (KeyRule)42 };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Job_InvalidOptions_RefusedAtConstruction()
    {
        var options = new WarcUriCountOptions { Key = KeyRule.Seed, Types = new HashSet<string> { "response" } };
        Assert.Throws<ArgumentException>(() => new WarcUriCountJob(options));
    }
}
