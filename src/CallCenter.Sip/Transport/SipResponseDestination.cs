using System.Net;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Where a response goes: transport, host and port. <see cref="Host"/> is an IP literal in the usual case (the
/// transport stamped <c>received</c> on the request); it is a host name only when the Via named one and no
/// <c>received</c> was recorded, or a <c>maddr</c> named one.
/// </summary>
public readonly record struct SipResponseDestination(SipProtocol Protocol, string Host, int Port)
{
    /// <summary>The end point when <see cref="Host"/> is an IP literal (brackets allowed); false for a host name.</summary>
    public bool TryGetEndPoint(out SipEndPoint endPoint)
    {
        if (IpAddresses.TryParse(Host, out var address))
        {
            endPoint = new SipEndPoint(Protocol, new IPEndPoint(address, Port));
            return true;
        }

        endPoint = default;
        return false;
    }

    public override string ToString() => $"{Protocol.ViaToken()}:{Host}:{Port}";
}
