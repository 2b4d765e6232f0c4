namespace BigData.Cli.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("3", 3000)]
    [InlineData(" 250 MS ", 250)]
    public void TryParse_ValidDuration_ReturnsIt(string text, int expectedMilliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("0")]
    [InlineData("0.1ms")]
    [InlineData("soon")]
    [InlineData("2h")]
    [InlineData("99999m")]
    public void TryParse_InvalidDuration_ReturnsFalseWithReason(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
