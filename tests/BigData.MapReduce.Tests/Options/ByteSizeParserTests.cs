using BigData.MapReduce.Options;

namespace BigData.MapReduce.Tests.Options;

public sealed class ByteSizeParserTests
{
    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("2GB", 2L << 30)]
    [InlineData("64kb", 64L << 10)]
    [InlineData("1.5GB", 3L << 29)]
    [InlineData("4096", 4096)]
    [InlineData(" 8 M ", 8L << 20)]
    public void TryParse_ValidSize_ReturnsBytes(string text, long expected)
    {
        Assert.True(ByteSizeParser.TryParse(text, out var bytes, out var error), error);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-1GB")]
    [InlineData("0")]
    [InlineData("lots")]
    [InlineData("99999999999GB")]
    public void TryParse_InvalidSize_ReturnsFalseWithReason(string text)
    {
        Assert.False(ByteSizeParser.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
