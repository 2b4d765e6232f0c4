using System.Text;
using TestSupport;
using WarcUriCount.Keys;
using WarcUriCount.Tests.Support;

namespace WarcUriCount.Tests;

public class OriginKeyTests
{
    /// <summary>The origin key of a header value as TryWrite computes it, or null for no key.</summary>
    private static string? Origin(string uri) => Key(Bytes.Utf8(uri), includeSchemeAndPort: true);

    private static string? Host(string uri) => Key(Bytes.Utf8(uri), includeSchemeAndPort: false);

    private static string? Key(byte[] uri, bool includeSchemeAndPort)
    {
        var destination = new byte[uri.Length];
        var ok = OriginKey.TryWrite(uri, includeSchemeAndPort, destination, out var written);
        Assert.True(ok || written == 0, "no key must report zero bytes written");
        return ok ? Encoding.UTF8.GetString(destination, 0, written) : null;
    }

    [Theory] // DESIGN.md §5, every example.
    [InlineData("<HTTP://User@Example.COM.:80/a>", "http://example.com", "example.com")]
    [InlineData("https://[2001:DB8::1]:0443/", "https://[2001:db8::1]", "[2001:db8::1]")]
    [InlineData("http://a.b:8080?q", "http://a.b:8080", "a.b")]
    [InlineData("dns:example.com", null, null)]
    [InlineData("urn:x", null, null)]
    [InlineData("file:///srv/x", null, null)]
    public void TryWrite_SpecExamples_GiveTheDocumentedKeys(string uri, string? origin, string? host)
    {
        Assert.Equal(origin, Origin(uri));
        Assert.Equal(host, Host(uri));
    }

    [Theory]
    [InlineData("http://a@b@Example.com/", "http://example.com", "example.com")]
    [InlineData("http://user:pa:ss@host:81/", "http://host:81", "host")]
    [InlineData("http://a:b:c@host/", "http://host", "host")]
    [InlineData("http://@host/", "http://host", "host")]
    [InlineData("http://@@host/", "http://host", "host")]
    [InlineData("http://user@/", null, null)]
    [InlineData("http://user@:80/", null, null)]
    [InlineData("http://host/path@evil.com", "http://host", "host")]
    [InlineData("http://a@b?x@c", "http://b", "b")]
    [InlineData("http://a@b#x@c", "http://b", "b")]
    public void TryWrite_Userinfo_DroppedUpToTheLastAtOfTheAuthority(string uri, string? origin, string? host)
    {
        Assert.Equal(origin, Origin(uri));
        Assert.Equal(host, Host(uri));
    }

    [Theory]
    [InlineData("http://host:/", "http://host")]
    [InlineData("http://host:80/", "http://host")]
    [InlineData("http://host:0080/", "http://host")]
    [InlineData("http://host:8080/", "http://host:8080")]
    [InlineData("http://host:08080/", "http://host:8080")]
    [InlineData("http://host:0/", "http://host:0")]
    [InlineData("http://host:000/", "http://host:0")]
    [InlineData("http://host:99999999999999999999/", "http://host:99999999999999999999")]
    [InlineData("http://host:abc/", "http://host:abc")]
    [InlineData("http://host:08a/", "http://host:08a")]
    [InlineData("http://a:b:0080/", "http://a:b")]
    [InlineData("http://host::80/", "http://host:")]
    public void TryWrite_Port_ZerosStrippedEmptyAndDefaultDropped(string uri, string? origin)
    {
        Assert.Equal(origin, Origin(uri));
    }

    [Theory]
    [InlineData("http://h:80", "http://h")]
    [InlineData("https://h:443", "https://h")]
    [InlineData("ws://h:80", "ws://h")]
    [InlineData("wss://h:443", "wss://h")]
    [InlineData("ftp://h:21", "ftp://h")]
    [InlineData("HTTPS://h:00443", "https://h")]
    [InlineData("FTP://h:021", "ftp://h")]
    // A default port of another scheme is kept.
    [InlineData("http://h:443", "http://h:443")]
    [InlineData("https://h:80", "https://h:80")]
    [InlineData("ws://h:443", "ws://h:443")]
    [InlineData("wss://h:80", "wss://h:80")]
    [InlineData("ftp://h:80", "ftp://h:80")]
    [InlineData("http://h:21", "http://h:21")]
    // Schemes without a default keep every port but the empty one.
    [InlineData("gopher://h:70", "gopher://h:70")]
    [InlineData("gopher://h:80", "gopher://h:80")]
    [InlineData("gopher://h:", "gopher://h")]
    [InlineData("httpx://h:80", "httpx://h:80")]
    public void TryWrite_DefaultPorts_DroppedOnlyForTheirOwnScheme(string uri, string origin)
    {
        Assert.Equal(origin, Origin(uri));
    }

    [Theory]
    [InlineData("http://[::1]/", "http://[::1]", "[::1]")]
    [InlineData("http://[::1]", "http://[::1]", "[::1]")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080", "[::1]")]
    [InlineData("http://[::1]:80/", "http://[::1]", "[::1]")]
    [InlineData("http://[::1]:/", "http://[::1]", "[::1]")]
    [InlineData("http://user@[::A]:0/", "http://[::a]:0", "[::a]")]
    [InlineData("http://[::FFFF:1.2.3.4]/", "http://[::ffff:1.2.3.4]", "[::ffff:1.2.3.4]")]
    [InlineData("http://[FE80::1%25ETH0]/", "http://[fe80::1%25eth0]", "[fe80::1%25eth0]")]
    [InlineData("http://[::1]x/", null, null)]
    [InlineData("http://[::1]./", null, null)]
    [InlineData("http://[::1]]/", null, null)]
    [InlineData("http://[::1] :80/", null, null)]
    [InlineData("http://[::1]80/", null, null)]
    [InlineData("http://[::1/", null, null)]
    [InlineData("http://[/", null, null)]
    [InlineData("http://[]/", null, null)]
    [InlineData("http://[]:80/", null, null)]
    [InlineData("http://a]b:81/", "http://a]b:81", "a]b")]
    public void TryWrite_Ipv6Literal_OnlyAPortMayFollow(string uri, string? origin, string? host)
    {
        Assert.Equal(origin, Origin(uri));
        Assert.Equal(host, Host(uri));
    }

    [Theory]
    [InlineData("http://example.com./", "http://example.com", "example.com")]
    [InlineData("http://example.com.:8080/", "http://example.com:8080", "example.com")]
    [InlineData("http://example.com../", "http://example.com.", "example.com.")]
    [InlineData("http://./", null, null)]
    [InlineData("http://.:8080/", null, null)]
    [InlineData("http://../", "http://.", ".")]
    [InlineData("http:///x", null, null)]
    [InlineData("http://", null, null)]
    [InlineData("http://?q", null, null)]
    [InlineData("http://#f", null, null)]
    [InlineData("http://:80/", null, null)]
    [InlineData("http://:/", null, null)]
    public void TryWrite_TrailingDotAndEmptyHost_OneDotGoesEmptyGivesNoKey(string uri, string? origin, string? host)
    {
        Assert.Equal(origin, Origin(uri));
        Assert.Equal(host, Host(uri));
    }

    [Theory]
    [InlineData("http://exa mple.com/")]
    [InlineData("http://exa\tmple.com/")]
    [InlineData("http://host\r/")]
    [InlineData("http://host\n")]
    [InlineData("http://host\u000b")]
    [InlineData("http://host\u007f/")]
    [InlineData("http://host\u0000/")]
    [InlineData("http://host\u001f/")]
    [InlineData("http://host:80 /")]
    [InlineData("http://us er@host/")] // the whole authority, userinfo included
    [InlineData("http://us\u0001er@host/")]
    [InlineData("http:// host/")]
    [InlineData(" http://host/")] // no trimming: the reader trims
    [InlineData("http://host ")]
    public void TryWrite_WhitespaceOrControlInAuthority_NoKey(string uri)
    {
        Assert.Null(Origin(uri));
        Assert.Null(Host(uri));
    }

    [Theory]
    [InlineData("http://host/pa th", "http://host")]
    [InlineData("http://host?a b", "http://host")]
    [InlineData("http://host#a\tb", "http://host")]
    [InlineData("http://host?q=1/2", "http://host")]
    [InlineData("http://host?q=a:80", "http://host")]
    [InlineData("http://host#frag:80", "http://host")]
    [InlineData("http://host:8080#f", "http://host:8080")]
    [InlineData("http://host\\path", "http://host\\path")] // a backslash does not end the authority
    [InlineData("http://host;x=1/", "http://host;x=1")]
    public void TryWrite_PathQueryOrFragment_EndTheAuthority(string uri, string origin)
    {
        Assert.Equal(origin, Origin(uri));
    }

    [Theory]
    [InlineData("http://%41%42.COM/", "http://%41%42.com")]
    [InlineData("http://%4a.Ex/", "http://%4a.ex")]
    [InlineData("http://ex%2Ecom./", "http://ex%2Ecom")]
    [InlineData("http://A%2/", "http://a%2")]
    [InlineData("http://A%ZZ/", "http://a%zz")]
    [InlineData("http://A%%4A%4/", "http://a%%4A%4")]
    [InlineData("http://A%4AB/", "http://a%4Ab")]
    [InlineData("http://B\u00dcCHER.de/", "http://b\u00dccher.de")]
    [InlineData("http://b\u00fccher.DE:80/", "http://b\u00fccher.de")]
    [InlineData("http://\u4F8B\u3048.JP/", "http://\u4F8B\u3048.jp")]
    public void TryWrite_PercentEscapesAndNonAscii_KeptAsTheyAre(string uri, string origin)
    {
        Assert.Equal(origin, Origin(uri));
    }

    [Fact]
    public void TryWrite_InvalidUtf8InHost_BytesKept()
    {
        var uri = Bytes.Latin1("HTTP://\u00ffA\u00c0.Com:80/x");
        var destination = new byte[uri.Length];

        Assert.True(OriginKey.TryWrite(uri, includeSchemeAndPort: true, destination, out var written));

        Assert.Equal(Bytes.Latin1("http://\u00ffa\u00c0.com"), destination[..written]);
    }

    [Theory]
    [InlineData("HtTp://Host", "http://host")]
    [InlineData("HTTP://HOST", "http://host")]
    [InlineData("svn+ssh://Host:22/", "svn+ssh://host:22")]
    [InlineData("A.b-C+d://h", "a.b-c+d://h")]
    [InlineData("x://h", "x://h")]
    [InlineData("1http://h", null)]
    [InlineData("+http://h", null)]
    [InlineData("ht_tp://h", null)]
    [InlineData("ht tp://h", null)]
    [InlineData("h\u00e9://h", null)]
    [InlineData("://h", null)]
    [InlineData("http:/host", null)]
    [InlineData("http:host", null)]
    [InlineData("http:\\\\host", null)]
    [InlineData("http: //host", null)]
    [InlineData("//host/x", null)]
    [InlineData("host.com/x", null)]
    [InlineData("http//host:80/", null)]
    [InlineData("mailto:a@b.c", null)]
    [InlineData("", null)]
    public void TryWrite_Scheme_LowercasedAndMustBeFollowedBySlashes(string uri, string? origin)
    {
        Assert.Equal(origin, Origin(uri));
        Assert.Equal(origin is null, Host(uri) is null);
    }

    [Theory]
    [InlineData("<http://h>", "http://h")]
    [InlineData("<<http://h>>", null)]
    [InlineData("<http://h", null)]
    [InlineData("http://h>", "http://h>")]
    [InlineData("<>", null)]
    [InlineData("<", null)]
    public void TryWrite_SurroundingAngleBrackets_RemovedOnce(string uri, string? origin)
    {
        Assert.Equal(origin, Origin(uri));
    }

    [Fact]
    public void TryWriteUnbracketed_BracketedValue_NotUnwrapped()
    {
        var uri = Bytes.Utf8("<http://h>");
        Assert.False(OriginKey.TryWriteUnbracketed(uri, includeSchemeAndPort: true, new byte[uri.Length], out _));

        var inner = Bytes.Utf8("http://H:80/");
        var destination = new byte[inner.Length];
        Assert.True(OriginKey.TryWriteUnbracketed(inner, includeSchemeAndPort: true, destination, out var written));
        Assert.Equal("http://h", Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void TryWrite_DestinationShorterThanUri_Throws()
    {
        var uri = Bytes.Utf8("http://example.com/");
        var error = Assert.Throws<ArgumentException>(() => OriginKey.TryWrite(uri, true, new byte[uri.Length - 1], out _));
        Assert.Contains("destination", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryWrite_DestinationExactlyUriLength_EnoughForLongestKey()
    {
        // The key equals the URI: nothing to drop.
        var uri = Bytes.Utf8("gopher://host:7070");
        var destination = new byte[uri.Length];

        Assert.True(OriginKey.TryWrite(uri, true, destination, out var written));

        Assert.Equal(uri, destination[..written]);
    }

    [Fact]
    public void TryWrite_ManyRandomUris_KeyNeverLongerThanUriAndBytesBeyondUntouched()
    {
        foreach (var uri in NastyUris.Generate(seed: 7, count: 3000))
        {
            foreach (var withPort in new[] { true, false })
            {
                var destination = new byte[uri.Length + 8];
                destination.AsSpan().Fill(0xEE);
                OriginKey.TryWrite(uri, withPort, destination, out var written);

                Assert.InRange(written, 0, uri.Length);
                Assert.All(destination[uri.Length..], b => Assert.Equal(0xEE, b));
            }
        }
    }
}
