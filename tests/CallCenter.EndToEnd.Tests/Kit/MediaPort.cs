using System.Net;
using System.Net.Sockets;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>A SIPp media port: SIPp binds it for audio and the port two above for video, so both must be free.</summary>
internal static class MediaPort
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(5_000, 7_000) * 2;
            try
            {
                using var audio = Bind(port);
                using var video = Bind(port + 2);
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("no free media port pair on 127.0.0.1");
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
