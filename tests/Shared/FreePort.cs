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

    /// <summary>The first of <paramref name="count"/> consecutive ports free on UDP and TCP, for a tool that takes a base
    /// port and uses the ones above it (the load harness takes five).</summary>
    public static int NextBlock(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Next();
            if (first + count <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found on 127.0.0.1");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
