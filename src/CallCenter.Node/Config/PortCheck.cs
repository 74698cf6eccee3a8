using System.Net;
using System.Net.Sockets;

namespace CallCenter.Node.Config;

/// <summary>Finds out before start-up whether the node's ports can be bound, so a busy port is one clear line, not a stack
/// trace after half the node has started.</summary>
internal static class PortCheck
{
    public static string? Problem(NodeConfiguration configuration)
    {
        var sip = new IPEndPoint(configuration.SipBind, configuration.SipPort);
        try
        {
            using var udp = new Socket(sip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(sip);
            using var tcp = new Socket(sip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(sip);
        }
        catch (SocketException e)
        {
            return $"SIP port {sip} (UDP and TCP) cannot be bound: {e.Message}";
        }

        if (configuration.Http is not { Port: > 0 } http)
        {
            return null;
        }

        var endPoint = new IPEndPoint(http.Bind, http.Port);
        try
        {
            using var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(endPoint);
            return null;
        }
        catch (SocketException e)
        {
            return $"HTTP port {endPoint} (callcenter.http, --http-port) cannot be bound: {e.Message}";
        }
    }
}
