#!/usr/bin/env python3
"""An independent reference implementation of the `origin` and `host` key rules (DESIGN.md section 5).

Written from the spec with regular expressions, deliberately unlike the C# scanner in OriginKey.cs, so the
differential test in OriginKeyOracleTests.cs compares two readings of the same text.

Protocol (one process for all inputs): each stdin line is a hex-encoded WARC-Target-URI header value; each
stdout line is `<origin-hex> <host-hex>`, with `-` where the URI gives no key.

Decisions where the spec is silent (shared with OriginKey.cs and written down in NOTES-warc-uri-count.md):
  * one surrounding `<...>` is removed first (the raw header value form);
  * the whitespace/control test covers the whole authority, userinfo included;
  * `[` without a closing `]`, and the empty literal `[]`, give no key; the port after `]:` is everything after
    that colon;
  * a port of only zeros keeps one `0`; a port that is not all digits is kept verbatim;
  * a percent-escape is `%` and two hex digits, copied as is (no lowercasing inside it).
"""
import binascii
import re
import sys

SCHEME = re.compile(rb"[A-Za-z][A-Za-z0-9+.\-]*")
AUTHORITY = re.compile(rb"[^/?#]*")
UNSAFE = re.compile(rb"[\x00-\x20\x7f]")
IPV6 = re.compile(rb"(\[[^\]]+\])(?::(.*))?", re.S)
LOWER_OUTSIDE_ESCAPES = re.compile(rb"%[0-9A-Fa-f]{2}|[A-Z]+")
DEFAULT_PORTS = {b"http": b"80", b"https": b"443", b"ws": b"80", b"wss": b"443", b"ftp": b"21"}


def lower_host(host):
    return LOWER_OUTSIDE_ESCAPES.sub(lambda m: m.group(0) if m.group(0).startswith(b"%") else m.group(0).lower(), host)


def keys(uri):
    """Returns (origin, host) for a header value, or None when it gives no key."""
    if len(uri) >= 2 and uri.startswith(b"<") and uri.endswith(b">"):
        uri = uri[1:-1]
    scheme, colon, rest = uri.partition(b":")
    if not colon or not SCHEME.fullmatch(scheme) or not rest.startswith(b"//"):
        return None
    authority = AUTHORITY.match(rest, 2).group(0)
    if UNSAFE.search(authority):
        return None
    host_port = authority.rsplit(b"@", 1)[-1]
    if host_port.startswith(b"["):
        m = IPV6.fullmatch(host_port)
        if m is None:
            return None
        host, port = m.group(1), m.group(2)
    elif b":" in host_port:
        host, port = host_port.rsplit(b":", 1)
    else:
        host, port = host_port, None
    host = lower_host(host)
    if host.endswith(b"."):
        host = host[:-1]
    if host == b"":
        return None
    scheme = scheme.lower()
    if port is not None and re.fullmatch(rb"[0-9]+", port):
        port = port.lstrip(b"0") or b"0"
    if port == b"" or port == DEFAULT_PORTS.get(scheme):
        port = None
    origin = scheme + b"://" + host + (b":" + port if port is not None else b"")
    return origin, host


def main():
    out = []
    for line in sys.stdin:
        result = keys(binascii.unhexlify(line.rstrip("\n")))
        if result is None:
            out.append("- -")
        else:
            out.append(result[0].hex() + " " + result[1].hex())
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


if __name__ == "__main__":
    main()
