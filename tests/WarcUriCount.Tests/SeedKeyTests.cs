using System.Text;
using WarcUriCount.Keys;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

public class SeedKeyTests
{
    private static (SeedLineKind Kind, string? Key) Classify(string latin1Line)
    {
        var line = Bytes.Latin1(latin1Line);
        var destination = new byte[line.Length];
        var kind = SeedKey.Classify(line, destination, out var written);
        Assert.True(kind == SeedLineKind.Keyed || written == 0, "only a keyed line writes a key");
        return (kind, kind == SeedLineKind.Keyed ? Encoding.Latin1.GetString(destination, 0, written) : null);
    }

    [Theory]
    [InlineData("WARC-Target-URI: http://example.com/a/b", "http://example.com")]
    [InlineData("WARC-Target-URI: http://example.com/a/b\r", "http://example.com")]
    [InlineData("WARC-Target-URI: http://Example.COM:80/", "http://Example.COM:80")] // no normalisation at all
    [InlineData("WARC-Target-URI:\thttps://x.com", "https://x.com")]
    [InlineData("   WARC-Target-URI:  http://a.b/  extra words here", "http://a.b")]
    [InlineData("\t WARC-Target-URI: http://a.b/c\t\r", "http://a.b")]
    [InlineData("\u000b\u000cWARC-Target-URI:\u000b\u000chttp://a.b\u000c", "http://a.b")]
    [InlineData("WARC-Target-URI:\r\rhttp://a.b/\r", "http://a.b")]
    [InlineData("WARC-Target-URI: a//", "a//")]
    [InlineData("WARC-Target-URI: //", "//")]
    [InlineData("WARC-Target-URI: http:///srv/x", "http://")]
    [InlineData("WARC-Target-URI: file:///srv/x", "file://")]
    [InlineData("WARC-Target-URI: <http://a.com/>", "<http://a.com")]
    [InlineData("WARC-Target-URI: <http://a.com>", "<http://a.com>")]
    [InlineData("WARC-Target-URI: x/y/z/w", "x//z")]
    [InlineData("WARC-Target-URI: http://h\u00ff\u0080/", "http://h\u00ff\u0080")] // bytes kept, valid UTF-8 or not
    [InlineData("WARC-Target-URI: http://a\u001cb/", "http://a\u001cb")] // 0x1C is not ASCII whitespace for bytes.split()
    [InlineData("WARC-Target-URI: http://a\u00a0b/", "http://a\u00a0b")] // nor is 0xA0
    public void Classify_TargetLine_KeyIsPart0SlashesPart2(string line, string key)
    {
        Assert.Equal((SeedLineKind.Keyed, key), Classify(line));
    }

    [Theory]
    [InlineData("WARC-Target-URI:")]
    [InlineData("WARC-Target-URI:\r")]
    [InlineData("WARC-Target-URI:   \t \r")]
    [InlineData("  WARC-Target-URI:")]
    [InlineData("WARC-Target-URI: dns:example.com")]
    [InlineData("WARC-Target-URI: dns:example.com\r")]
    [InlineData("WARC-Target-URI: urn:x")]
    [InlineData("WARC-Target-URI: http:/x")]
    [InlineData("WARC-Target-URI: /")]
    [InlineData("WARC-Target-URI: a/ /b/c")] // the second word is "a/": two parts
    public void Classify_TargetLineTheClassicMapperCrashesOn_Error(string line)
    {
        Assert.Equal((SeedLineKind.Error, null), Classify(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r")]
    [InlineData("warc-target-uri: http://a/b")]
    [InlineData("WARC-TARGET-URI: http://a/b")]
    [InlineData("WARC-Target-URI:x http://a/b")]
    [InlineData("WARC-Target-URI:http://a/b")]
    [InlineData("WARC-Target-URI http://a/b")]
    [InlineData("XWARC-Target-URI: http://a/b")]
    [InlineData("WARC-Target-URI:: http://a/b")]
    [InlineData("WARC-Target-URI\u001c: http://a/b")]
    [InlineData("\u001cWARC-Target-URI: http://a/b")]
    [InlineData("\u00a0WARC-Target-URI: http://a/b")]
    [InlineData("WARC-Target-URI:\u001chttp://a/b")]
    [InlineData("Content-Type: text/html")]
    [InlineData("WARC-Type: response")]
    [InlineData("<a href=\"http://x/y\">WARC-Target-URI: http://a/b</a>")]
    public void Classify_NotExactlyTheTargetWordFirst_NotTarget(string line)
    {
        Assert.Equal((SeedLineKind.NotTarget, null), Classify(line));
    }

    [Fact]
    public void Classify_PartsOverload_ReturnsSlicesOfTheLine()
    {
        var line = Bytes.Utf8("WARC-Target-URI: https://a.example/path/x");

        var kind = SeedKey.Classify(line, out var part0, out var part2);

        Assert.Equal(SeedLineKind.Keyed, kind);
        Assert.Equal("https:", Encoding.UTF8.GetString(part0));
        Assert.Equal("a.example", Encoding.UTF8.GetString(part2));
        Assert.Equal("https://a.example".Length, SeedKey.KeyLength(part0, part2));
    }

    [Fact]
    public void Classify_DestinationShorterThanLine_Throws()
    {
        var line = Bytes.Utf8("WARC-Target-URI: http://a/b");
        Assert.Throws<ArgumentException>(() => SeedKey.Classify(line, new byte[line.Length - 1], out _));
    }

    [Fact]
    public void Classify_HugeLine_KeyFound()
    {
        var host = new string('h', 100_000);
        var (kind, key) = Classify("WARC-Target-URI: http://" + host + "/x");

        Assert.Equal(SeedLineKind.Keyed, kind);
        Assert.Equal("http://" + host, key);
    }
}
