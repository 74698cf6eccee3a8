using System.Globalization;
using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

/// <summary>Where SIP requests physically go: URIs with literal addresses, and the NAT rule of the registrar.</summary>
/// <remarks>No DNS: a phone or proxy named by host name is reached where its packets came from instead.</remarks>
public static class SipHops
{
    public const int DefaultPort = 5060;

    /// <summary>The transport address of a URI whose host is an IP literal (port 5060 and UDP unless it says otherwise).</summary>
    public static bool TryResolve(SipUri uri, out SipEndPoint endPoint)
    {
        endPoint = default;
        var host = uri.Host.AsSpan().Trim('[').TrimEnd(']');
        if (!uri.IsSip || !IPAddress.TryParse(host, out var address) || uri.Port is < 0 or > 65535)
        {
            return false;
        }

        var protocol = string.Equals(uri.Transport, "tcp", StringComparison.Ordinal) ? SipProtocol.Tcp : SipProtocol.Udp;
        endPoint = new SipEndPoint(protocol, new IPEndPoint(address, uri.Port ?? DefaultPort));
        return true;
    }

    /// <summary>
    /// True when the request did not come from the address its top Via names (the peer is behind a NAT): then only
    /// the packet's source reaches it, whatever its Contact says.
    /// </summary>
    /// <remarks>
    /// Over TCP the source port is the connection's ephemeral port, never the port the phone listens on, so only the
    /// address counts: comparing ports would mark every TCP phone as NATed and pin it to one connection, which either
    /// side closes when idle, leaving the agent unreachable until it registers again.
    /// </remarks>
    public static bool IsBehindNat(SipRequest request, SipEndPoint source)
    {
        if (request.TopVia is not { } via)
        {
            return true;
        }

        var host = via.Host.AsSpan().Trim('[').TrimEnd(']');
        if (!IPAddress.TryParse(host, out var sentBy))
        {
            return true;
        }

        var packet = source.Address;
        var sameAddress = Normalize(sentBy).Equals(Normalize(packet.Address));
        return source.Protocol == SipProtocol.Tcp ? !sameAddress : !sameAddress || (via.Port ?? DefaultPort) != packet.Port;
    }

    /// <summary>The next hop of an in-dialog request: the peer's source when it is behind a NAT or its URI names no
    /// address, else the URI's own address.</summary>
    public static SipEndPoint NextHop(SipUri nextHop, SipEndPoint source, bool behindNat) =>
        !behindNat && TryResolve(nextHop, out var endPoint) ? endPoint : source;

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>A SIP URI naming a transport address, e.g. <c>sip:203.0.113.7:40000;transport=udp</c>.</summary>
    public static string ToUri(SipEndPoint endPoint) =>
        string.Create(CultureInfo.InvariantCulture, $"sip:{endPoint.Address};transport={endPoint.Protocol.ViaToken().ToLowerInvariant()}");
}
