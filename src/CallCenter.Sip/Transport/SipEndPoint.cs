using System.Net;

namespace CallCenter.Sip.Transport;

/// <summary>A transport address: protocol plus IP end point (IPv4 or IPv6).</summary>
public readonly record struct SipEndPoint(SipProtocol Protocol, IPEndPoint Address)
{
    public override string ToString() => $"{Protocol.ViaToken()}:{Address}";
}
