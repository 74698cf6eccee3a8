using System.Net;

namespace CallCenter.Sip.Sdp;

/// <summary>Where the peer wants RTP (or RTCP): an address from c= (possibly a host name) and a port.</summary>
public sealed record RtpEndpoint(string Address, int Port)
{
    /// <summary>0.0.0.0 or ::, which RFC 3264 §8.4 reads as "send nothing here".</summary>
    public bool IsUnspecified =>
        IPAddress.TryParse(Address, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>The endpoint as an IP endpoint; false for a host name, which the caller must resolve.</summary>
    public bool TryGetIPEndPoint(out IPEndPoint endPoint)
    {
        if (Port is >= IPEndPoint.MinPort and <= IPEndPoint.MaxPort && IPAddress.TryParse(Address, out var ip))
        {
            endPoint = new IPEndPoint(ip, Port);
            return true;
        }

        endPoint = null!;
        return false;
    }

    public override string ToString() => Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
