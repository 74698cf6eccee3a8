using System.Net;
using System.Net.Sockets;

namespace CallCenter.Node.Config;

/// <summary>Finds out before start-up whether the SIP port can be bound, so a busy port is one clear line, not a stack trace.</summary>
internal static class PortCheck
{
    public static string? Problem(NodeConfiguration configuration)
    {
        var endPoint = new IPEndPoint(configuration.SipBind, configuration.SipPort);
        try
        {
            using var udp = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(endPoint);
            using var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(endPoint);
            return null;
        }
        catch (SocketException e)
        {
            return $"SIP port {endPoint} (UDP and TCP) cannot be bound: {e.Message}";
        }
    }
}
