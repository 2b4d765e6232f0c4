using System.Text;
using BigData.Storage.Inputs;

namespace BigData.Storage.Tests.Inputs;

public sealed class ErrorBodySnifferTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", "S3 error NoSuchKey: The specified key does not exist.")]
    [InlineData("<Error><Code>SlowDown</Code></Error>", "S3 error SlowDown")]
    [InlineData("\uFEFF  <!DOCTYPE html><html><title>404</title></html>", "an HTML page: \"<!DOCTYPE html><html><title>404</title></html>\"")]
    [InlineData("<feed>x</feed>", "an XML document: \"<feed>x</feed>\"")]
    [InlineData("", "an empty body")]
    [InlineData("no\tsuch file", "a body starting \"no such file\"")]
    public void Describe_Body_NamesWhatItIs(string body, string expected) =>
        Assert.Equal(expected, ErrorBodySniffer.Describe(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Describe_LongBody_IsClipped()
    {
        var description = ErrorBodySniffer.Describe(Encoding.UTF8.GetBytes(new string('x', 5000)));

        Assert.True(description.Length < 250, description);
        Assert.EndsWith("...\"", description);
    }

    [Theory]
    [InlineData("WARC/1.0\r\n", false)]
    [InlineData("\u001f\u008b", false)]
    [InlineData("  <html>", true)]
    [InlineData("<?xml", true)]
    [InlineData("< not markup", false)]
    public void LooksLikeMarkup_Prefix_DetectsXmlAndHtml(string prefix, bool expected) =>
        Assert.Equal(expected, ErrorBodySniffer.LooksLikeMarkup(Encoding.Latin1.GetBytes(prefix)));
}
