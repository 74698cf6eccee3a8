using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Relay;

/// <summary>The bound RTP socket (even port) and RTCP socket (port + 1) of one leg.</summary>
internal sealed class MediaSocketPair : IDisposable
{
    // SIO_UDP_CONNRESET: stops Windows from failing the next receive after an ICMP port unreachable.
    private const int SioUdpConnReset = unchecked((int)0x9800000C);

    private readonly IPEndPoint _template;

    private MediaSocketPair(Socket rtp, Socket rtcp, int rtpPort)
    {
        Rtp = rtp;
        Rtcp = rtcp;
        RtpPort = rtpPort;
        LocalRtp = (IPEndPoint)rtp.LocalEndPoint!;
        _template = new IPEndPoint(LocalRtp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public int RtpPort { get; }

    public IPEndPoint LocalRtp { get; }

    public AddressFamily Family => LocalRtp.AddressFamily;

    /// <summary>
    /// Takes pairs from the allocator until one binds. A pair another process holds is put back at the end of the
    /// allocator's line (after this attempt), so it is retried only when everything else is taken.
    /// </summary>
    public static MediaSocketPair Bind(PortAllocator ports, IPAddress address)
    {
        var taken = new List<int>();
        try
        {
            while (true)
            {
                if (!ports.TryAllocate(out var port))
                {
                    var detail = taken.Count == 0 ? null : $"{taken.Count} of them held by other processes";
                    throw new MediaPortsExhaustedException(ports.FirstPort, ports.LastPort, ports.Capacity, detail);
                }

                var pair = TryBind(address, port);
                if (pair is not null)
                {
                    return pair;
                }

                taken.Add(port);
            }
        }
        finally
        {
            foreach (var port in taken)
            {
                ports.Release(port);
            }
        }
    }

    public bool TrySendRtp(ReadOnlySpan<byte> datagram, SocketAddress destination) => TrySend(Rtp, datagram, destination);

    public bool TrySendRtcp(ReadOnlySpan<byte> datagram, SocketAddress destination) => TrySend(Rtcp, datagram, destination);

    public IPEndPoint ToEndPoint(SocketAddress address) => (IPEndPoint)_template.Create(address);

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static bool TrySend(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        try
        {
            // UDP sends complete at once (the datagram is copied to the kernel), so the loop needs no await here.
            socket.SendTo(datagram, SocketFlags.None, destination);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private static MediaSocketPair? TryBind(IPAddress address, int port)
    {
        Socket? rtp = null;
        Socket? rtcp = null;
        try
        {
            rtp = Open(address, port);
            rtcp = Open(address, port + 1);
            return new MediaSocketPair(rtp, rtcp, port);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            rtp?.Dispose();
            rtcp?.Dispose();
            return null;
        }
        catch
        {
            rtp?.Dispose();
            rtcp?.Dispose();
            throw;
        }
    }

    private static Socket Open(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            if (OperatingSystem.IsWindows())
            {
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }

            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
