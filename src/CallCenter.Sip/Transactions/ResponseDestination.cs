using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>Where a server transaction sends its responses (RFC 3261 §18.2.2, RFC 3581).</summary>
public static class ResponseDestination
{
    public const int DefaultPort = 5060;

    /// <summary>
    /// Reliable transports answer on the connection the request came from. Over UDP, a client that asked for
    /// rport gets the answer at the packet's source address and port (NAT-safe); otherwise at the source IP (what
    /// <c>received</c> records) and the sent-by port. Multicast <c>maddr</c> is not supported.
    /// </summary>
    public static SipEndPoint For(SipRequest request, SipEndPoint remote)
    {
        if (remote.Protocol.IsReliable() || request.TopVia is not { } via || via.HasRPort)
        {
            return remote;
        }

        return new SipEndPoint(remote.Protocol, new IPEndPoint(remote.Address.Address, via.Port ?? DefaultPort));
    }
}
