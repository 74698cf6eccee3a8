using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Sdp;

/// <summary>The c= line (RFC 4566 §5.7).</summary>
/// <param name="NetworkType">IN for the Internet.</param>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">Verbatim: a host name, an IP address, or a multicast address with /ttl and /count.</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    public const string Internet = "IN";
    public const string Ip4 = "IP4";
    public const string Ip6 = "IP6";

    public static SdpConnection For(IPAddress address) =>
        new(Internet, address.AddressFamily == AddressFamily.InterNetworkV6 ? Ip6 : Ip4, address.ToString());

    /// <summary>The address without the multicast /ttl and /count suffixes.</summary>
    public string Host
    {
        get
        {
            var slash = Address.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? Address : Address[..slash];
        }
    }

    /// <summary>The address as an IP address, or false for a host name.</summary>
    public bool TryGetIPAddress(out IPAddress address)
    {
        if (IPAddress.TryParse(Host, out var parsed))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>
    /// 0.0.0.0 (or ::): RFC 3264 §8.4 says nothing may be sent to the peer, which RFC 2543 phones use for hold.
    /// </summary>
    public bool IsUnspecified =>
        TryGetIPAddress(out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    public bool IsMulticast =>
        TryGetIPAddress(out var ip)
        && (ip.AddressFamily == AddressFamily.InterNetworkV6
            ? ip.IsIPv6Multicast
            : (ip.GetAddressBytes()[0] & 0xF0) == 0xE0);
}
