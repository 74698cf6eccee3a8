using System.Net;
using System.Net.Sockets;

namespace CallCenter.Testing;

/// <summary>Ports for loopback tests: asks the OS for one that is free on both UDP and TCP.</summary>
public static class FreePort
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken on TCP; try another.
            }
        }

        throw new InvalidOperationException("no free port found on 127.0.0.1");
    }
}
