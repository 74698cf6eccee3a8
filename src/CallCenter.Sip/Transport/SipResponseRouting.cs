using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Computes where a response goes from its top Via (RFC 3261 §18.2.2 with RFC 3581 §4). Pure: no sockets, no DNS.
/// On a reliable transport the caller first tries the connection the request came on; this gives the address to
/// connect to when that connection is gone.
/// </summary>
public static class SipResponseRouting
{
    /// <summary>The port a sent-by without one implies, for UDP and TCP alike (RFC 3261 §19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>Uses the Via's own transport; false when it names one we do not speak (TLS, SCTP, WS).</summary>
    public static bool TryGetDestination(Via via, out SipResponseDestination destination)
    {
        if (!SipProtocolExtensions.TryParse(via.Transport, out var protocol))
        {
            destination = default;
            return false;
        }

        destination = GetDestination(via, protocol);
        return true;
    }

    /// <summary>The destination for a response that leaves on <paramref name="protocol"/>.</summary>
    public static SipResponseDestination GetDestination(Via via, SipProtocol protocol)
    {
        var sentByPort = via.Port ?? DefaultPort;
        var received = ValidReceived(via);
        if (protocol.IsReliable())
        {
            // rport on a stream names the client's ephemeral source port, which accepts no new connection.
            return new SipResponseDestination(protocol, received ?? via.Host, sentByPort);
        }

        if (via.Parameters["maddr"] is { Length: > 0 } maddr)
        {
            return new SipResponseDestination(protocol, maddr, sentByPort);
        }

        return new SipResponseDestination(protocol, received ?? via.Host, via.RPort is { } rport and > 0 and <= 65535 ? rport : sentByPort);
    }

    /// <summary>A <c>received</c> that is not an IP address is someone else's mistake: ignore it and use sent-by.</summary>
    private static string? ValidReceived(Via via) =>
        via.Received is { } received && IpAddresses.TryParse(received, out _) ? received : null;
}
