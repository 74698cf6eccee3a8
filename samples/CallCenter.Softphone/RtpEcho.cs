using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtp;

namespace CallCenter.Softphone;

/// <summary>
/// The audio of one call: a UDP socket that sends every RTP packet back where it came from (symmetric RTP, so it
/// works behind NAT and through the call center's relay alike) and counts packets each way. Datagrams that are not
/// RTP are neither echoed nor counted. One buffer for the life of the call: nothing is allocated per packet.
/// </summary>
internal sealed class RtpEcho : IAsyncDisposable
{
    private const int MaxDatagram = 2048;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _received;
    private long _sent;
    private volatile bool _sending = true;

    private RtpEcho(Socket socket)
    {
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _loop = Task.Run(EchoAsync);
    }

    public int Port { get; }

    public long Received => Interlocked.Read(ref _received);

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>False while the peer holds the call (it asked us not to send): packets are still counted, not echoed.</summary>
    public bool Sending
    {
        get => _sending;
        set => _sending = value;
    }

    /// <summary>Binds a free port on <paramref name="address"/>.</summary>
    public static RtpEcho Start(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
            return new RtpEcho(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _stop.Dispose();
    }

    private async Task EchoAsync()
    {
        var buffer = new byte[MaxDatagram];
        var source = new SocketAddress(_socket.AddressFamily);
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, source, _stop.Token);
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier echo surfaces here on some systems; the socket is still fine.
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (!RtpPacket.TryParse(buffer.AsSpan(0, length), out _))
            {
                continue;
            }

            Interlocked.Increment(ref _received);
            if (!_sending)
            {
                continue;
            }

            try
            {
                await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, source, _stop.Token);
                Interlocked.Increment(ref _sent);
            }
            catch (SocketException)
            {
                // A lost echo is a lost packet; RTP carries on.
            }
        }
    }
}
