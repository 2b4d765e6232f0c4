using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace WarcUriCount.Keys;

/// <summary>
/// The <c>origin</c> and <c>host</c> key rules of DESIGN.md §5, bytes in, bytes out, without allocating:
/// <list type="number">
/// <item>The scheme is <c>[A-Za-z][A-Za-z0-9+.-]*</c> before the first <c>:</c> and must be followed by <c>//</c>.</item>
/// <item>The authority runs to the first <c>/</c>, <c>?</c> or <c>#</c> (or the end); userinfo up to the last
/// <c>@</c> is dropped.</item>
/// <item>An authority (userinfo included) with a byte in 0x00–0x20 or 0x7F gives no key.</item>
/// <item><c>[...]</c> is an IPv6 literal, after which only <c>:port</c> may follow; otherwise the port follows the
/// last <c>:</c>.</item>
/// <item>The host is ASCII-lowercased (percent-escapes and non-ASCII bytes stay), loses one trailing <c>.</c>, and
/// must not be empty.</item>
/// <item>A port of digits loses leading zeros (keeping one digit); an empty port and the scheme's default port
/// (http 80, https 443, ws 80, wss 443, ftp 21) are dropped. Other ports are kept verbatim.</item>
/// </list>
/// The key is made of pieces of the URI in their original order, so it is never longer than the URI: a
/// destination of <c>uri.Length</c> bytes always suffices.
/// </summary>
public static class OriginKey
{
    // Bytes that make an authority unusable: whitespace and control bytes (rule 3).
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(0x00, 0x21).Select(b => (byte)b), 0x7F]);

    private static readonly SearchValues<byte> SchemeTailBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-"u8);

    private static readonly SearchValues<byte> AuthorityEnd = SearchValues.Create("/?#"u8);

    /// <summary>
    /// Writes the key of a <c>WARC-Target-URI</c> header value as found in the file (already trimmed): one
    /// surrounding <c>&lt;…&gt;</c> is removed first (WARC 1.0 grammar), then <see cref="TryWriteUnbracketed"/>
    /// applies. Use <see cref="TryWriteUnbracketed"/> for a value the WARC reader has already unbracketed, so
    /// that <c>&lt;&lt;x&gt;&gt;</c> is not unwrapped twice.
    /// </summary>
    /// <param name="uri">The header value.</param>
    /// <param name="includeSchemeAndPort">True for the <c>origin</c> rule, false for the <c>host</c> rule.</param>
    /// <param name="destination">At least <c>uri.Length</c> bytes (the key is never longer than the URI), not
    /// overlapping <paramref name="uri"/>.</param>
    /// <param name="written">The key's length, or 0 when there is no key.</param>
    /// <returns>False when the URI gives no key (counted as <c>records.no_host</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="uri"/>.</exception>
    public static bool TryWrite(ReadOnlySpan<byte> uri, bool includeSchemeAndPort, Span<byte> destination, out int written)
    {
        EnsureRoom(uri, destination);
        if (uri.Length >= 2 && uri[0] == (byte)'<' && uri[^1] == (byte)'>')
        {
            uri = uri[1..^1];
        }

        return TryWriteUnbracketed(uri, includeSchemeAndPort, destination, out written);
    }

    /// <summary>
    /// Writes the key of a URI exactly as given (no <c>&lt;…&gt;</c> removal, no trimming): the form
    /// <c>WarcRecord.TryGetTargetUri</c> returns. Parameters as in <see cref="TryWrite"/>.
    /// </summary>
    public static bool TryWriteUnbracketed(
        ReadOnlySpan<byte> uri, bool includeSchemeAndPort, Span<byte> destination, out int written)
    {
        EnsureRoom(uri, destination);
        written = 0;

        // 1. Scheme, then "//".
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !IsAsciiLetter(uri[0]) || uri[1..colon].ContainsAnyExcept(SchemeTailBytes))
        {
            return false;
        }

        var scheme = uri[..colon];
        var afterScheme = uri[(colon + 1)..];
        if (!afterScheme.StartsWith("//"u8))
        {
            return false;
        }

        // 2. Authority, 3. no whitespace or control bytes in it, then drop the userinfo.
        var authority = afterScheme[2..];
        var end = authority.IndexOfAny(AuthorityEnd);
        if (end >= 0)
        {
            authority = authority[..end];
        }

        if (authority.ContainsAny(ControlBytes))
        {
            return false;
        }

        var hostPort = authority[(authority.LastIndexOf((byte)'@') + 1)..];

        // 4. Host and port.
        if (!TrySplitHostPort(hostPort, out var host, out var port, out var hasPort))
        {
            return false;
        }

        // 5. Host: one trailing dot goes, and an empty host gives no key.
        if (host.Length > 0 && host[^1] == (byte)'.')
        {
            host = host[..^1];
        }

        if (host.Length == 0)
        {
            return false;
        }

        if (!includeSchemeAndPort)
        {
            written = LowercaseHost(host, destination);
            Debug.Assert(written <= uri.Length, "a key is made of pieces of its URI, so it is never longer");
            return true;
        }

        var status = Ascii.ToLower(scheme, destination, out var w);
        Debug.Assert(status == OperationStatus.Done && w == scheme.Length, "the scheme is validated ASCII");
        ReadOnlySpan<byte> lowerScheme = destination[..w];
        "://"u8.CopyTo(destination[w..]);
        w += 3;
        w += LowercaseHost(host, destination[w..]);

        // 6. Port: digits lose leading zeros (one digit stays); empty and default ports are dropped.
        if (hasPort)
        {
            if (port.Length > 0 && !port.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                var firstNonZero = port.IndexOfAnyExcept((byte)'0');
                port = firstNonZero < 0 ? port[^1..] : port[firstNonZero..];
            }

            if (port.Length > 0 && !port.SequenceEqual(DefaultPort(lowerScheme)))
            {
                destination[w++] = (byte)':';
                port.CopyTo(destination[w..]);
                w += port.Length;
            }
        }

        Debug.Assert(w <= uri.Length, "a key is made of pieces of its URI, so it is never longer");
        written = w;
        return true;
    }

    /// <summary>Rule 4: an IPv6 literal <c>[...]</c> with an optional <c>:port</c>, or a host and the port after the last colon.</summary>
    private static bool TrySplitHostPort(
        ReadOnlySpan<byte> hostPort, out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> port, out bool hasPort)
    {
        port = default;
        hasPort = false;
        if (hostPort.Length > 0 && hostPort[0] == (byte)'[')
        {
            // Decision (spec silent): an unclosed '[' or an empty literal "[]" names no host.
            var close = hostPort.IndexOf((byte)']');
            if (close <= 1)
            {
                host = default;
                return false;
            }

            host = hostPort[..(close + 1)];

            var rest = hostPort[(close + 1)..];
            if (rest.IsEmpty)
            {
                return true;
            }

            if (rest[0] != (byte)':')
            {
                return false;
            }

            port = rest[1..];
            hasPort = true;
            return true;
        }

        var colon = hostPort.LastIndexOf((byte)':');
        if (colon < 0)
        {
            host = hostPort;
            return true;
        }

        host = hostPort[..colon];
        port = hostPort[(colon + 1)..];
        hasPort = true;
        return true;
    }

    /// <summary>Copies <paramref name="host"/> with A–Z lowercased, except inside percent-escapes (<c>%4A</c> stays).</summary>
    private static int LowercaseHost(ReadOnlySpan<byte> host, Span<byte> destination)
    {
        var i = 0;
        while (i < host.Length)
        {
            var b = host[i];
            if (b == (byte)'%' && i + 2 < host.Length && IsHexDigit(host[i + 1]) && IsHexDigit(host[i + 2]))
            {
                host.Slice(i, 3).CopyTo(destination[i..]);
                i += 3;
                continue;
            }

            destination[i++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        return host.Length;
    }

    /// <summary>The default port of a lowercased scheme, or empty when the scheme has none we drop.</summary>
    private static ReadOnlySpan<byte> DefaultPort(ReadOnlySpan<byte> lowerScheme) =>
        lowerScheme.SequenceEqual("http"u8) || lowerScheme.SequenceEqual("ws"u8) ? "80"u8
        : lowerScheme.SequenceEqual("https"u8) || lowerScheme.SequenceEqual("wss"u8) ? "443"u8
        : lowerScheme.SequenceEqual("ftp"u8) ? "21"u8
        : default;

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsHexDigit(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    private static void EnsureRoom(ReadOnlySpan<byte> uri, Span<byte> destination)
    {
        Debug.Assert(!uri.Overlaps(destination), "the key is written while the URI is still being read");
        if (destination.Length < uri.Length)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} bytes but a key may need up to the URI's {uri.Length}",
                nameof(destination));
        }
    }
}
