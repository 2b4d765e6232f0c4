using System.Text;
using BigData.Storage.Outputs;

namespace BigData.Storage.Tests.Outputs;

public sealed class Utf8KeyTextTests
{
    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://bücher.example")]
    [InlineData("http://例え.jp")]
    [InlineData("http://😀.example")]
    [InlineData("")]
    public void ToValidUtf8_ValidKey_ReturnedAsIsAndNotCounted(string key)
    {
        using var text = new Utf8KeyText();
        var bytes = Encoding.UTF8.GetBytes(key);

        var result = text.ToValidUtf8(bytes, out var repaired);

        Assert.False(repaired);
        Assert.True(result == bytes.AsSpan(), "a valid key must not be copied");
        Assert.Equal(0, text.InvalidKeys);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF }, "a\uFFFD")] // a byte that never occurs in UTF-8
    [InlineData(new byte[] { 0xC0, 0x80 }, "\uFFFD\uFFFD")] // overlong NUL: C0 is never valid, each byte replaced
    [InlineData(new byte[] { 0xE2, 0x82 }, "\uFFFD")] // truncated euro sign: one maximal subpart
    [InlineData(new byte[] { 0xE2, 0x82, 0x41 }, "\uFFFDA")] // truncated before an ASCII byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "\uFFFD\uFFFD\uFFFD")] // an encoded surrogate
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 }, "\uFFFD")] // truncated emoji
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "\uFFFD\uFFFD\uFFFD\uFFFD")] // above U+10FFFF
    [InlineData(new byte[] { 0x80, 0x62, 0xC3, 0xBC }, "\uFFFDbü")] // stray continuation byte, then valid text
    public void ToValidUtf8_InvalidKey_MaximalSubpartsBecomeReplacementCharacter(byte[] key, string expected)
    {
        using var text = new Utf8KeyText();

        var result = text.ToValidUtf8(key, out var repaired);

        Assert.True(repaired);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), result.ToArray());
        Assert.Equal(1, text.InvalidKeys);
    }

    [Fact]
    public void ToValidUtf8_SeededRandomBytes_SameAsDotNetDecoderReplacement()
    {
        var random = new Random(20240521);
        using var text = new Utf8KeyText();
        long invalid = 0;
        for (var i = 0; i < 3000; i++)
        {
            // Mostly high bytes, so both valid multi-byte sequences and every kind of damage occur.
            var key = new byte[random.Next(0, 40)];
            for (var j = 0; j < key.Length; j++)
            {
                key[j] = (byte)(random.Next(4) == 0 ? random.Next(0x20, 0x7F) : random.Next(0x80, 0x100));
            }

            var expected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(key));
            var isValid = expected.AsSpan().SequenceEqual(key);
            invalid += isValid ? 0 : 1;

            var result = text.ToValidUtf8(key, out var repaired);

            Assert.Equal(!isValid, repaired);
            Assert.True(result.SequenceEqual(expected), $"key {Convert.ToHexString(key)}");
        }

        Assert.Equal(invalid, text.InvalidKeys);
        Assert.True(invalid > 100, "the random keys should include many invalid ones");
    }
}
