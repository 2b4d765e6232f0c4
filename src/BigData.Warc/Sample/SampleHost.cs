using System.Text;

namespace BigData.Warc.Sample;

/// <summary>What a host name is made of; each kind is present near the top of every host table.</summary>
internal enum SampleHostKind
{
    /// <summary>A registered domain, maybe with a sub-domain: <c>shop.bacola-de.com</c>.</summary>
    Domain,

    /// <summary>A domain whose first label is <c>www</c> (often with its bare twin elsewhere in the table).</summary>
    WwwDomain,

    /// <summary>An internationalised domain in its ASCII form: <c>xn--mnchen-3ya.de</c>.</summary>
    Idn,

    /// <summary>An IPv4 literal: <c>93.184.216.34</c>.</summary>
    IPv4,

    /// <summary>An IPv6 literal, written in brackets in URIs: <c>[2001:db8::1]</c>.</summary>
    IPv6,
}

/// <summary>
/// One origin of the sample: scheme, canonical (lower-case) host and port. Distinct hosts of a table have distinct
/// origins, so the sample holds exactly <see cref="SampleOptions.Hosts"/> origins once URIs are normalised.
/// </summary>
internal sealed class SampleHost
{
    public SampleHost(SampleHostKind kind, string scheme, string name, int port, string ipAddress, string server, ulong styleSeed)
    {
        Kind = kind;
        Scheme = scheme;
        Name = name;
        Port = port;
        IpAddress = ipAddress;
        Server = Encoding.ASCII.GetBytes(server);
        StyleSeed = styleSeed;
        var authority = Kind == SampleHostKind.IPv6 ? "[" + name + "]" : name;
        var hostHeader = port == 0 ? authority : authority + ":" + port;
        Origin = scheme + "://" + hostHeader;
        OriginBytes = Encoding.ASCII.GetBytes(Origin);
        HostHeader = Encoding.ASCII.GetBytes(hostHeader);
        IpAddressBytes = Encoding.ASCII.GetBytes(ipAddress);
    }

    public SampleHostKind Kind { get; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; }

    /// <summary>Canonical lower-case host without brackets or trailing dot.</summary>
    public string Name { get; }

    /// <summary>A non-default port, or 0 for the scheme's default.</summary>
    public int Port { get; }

    public string IpAddress { get; }

    /// <summary>The origin key this host normalises to: <c>scheme://host[:port]</c>.</summary>
    public string Origin { get; }

    public byte[] OriginBytes { get; }

    /// <summary>The HTTP Host header value: host, plus the port when it is not the default.</summary>
    public byte[] HostHeader { get; }

    public byte[] IpAddressBytes { get; }

    /// <summary>The HTTP Server header value.</summary>
    public byte[] Server { get; }

    /// <summary>Seeds the site's look (title, navigation, class names), identical on every page of the host.</summary>
    public ulong StyleSeed { get; }

    public bool IsHttps => Scheme == "https";

    /// <summary>True for host names (not IP literals): they may get a trailing dot.</summary>
    public bool IsDomainName => Kind is SampleHostKind.Domain or SampleHostKind.WwwDomain or SampleHostKind.Idn;

    public override string ToString() => Origin;
}
