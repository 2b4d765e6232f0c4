using System.Text;
using Conformance.Tests;

namespace WarcUriCount.Streaming.Tests.Framework;

/// <summary>The simulator's model of TextInputFormat must itself be right, or the warc-style tests prove nothing.</summary>
public sealed class HadoopTextInputTests
{
    [Theory]
    [InlineData("a\r\nb\nc\rd", "a\nb\nc\nd\n")]
    [InlineData("a\r\r\nb\n\n", "a\n\nb\n\n")]
    [InlineData("\r\n", "\n")]
    [InlineData("", "")]
    [InlineData("x\r", "x\n")]
    public void Reline_LineEnds_AsTextInputFormatThenStreaming(string input, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(StreamingHadoopTextInput.Reline(Encoding.UTF8.GetBytes(input))));
    }
}
