using System.Net;
using System.Runtime.CompilerServices;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using Xunit.Abstractions;

namespace CallCenter.Sip.Tests.Transport;

/// <summary>Loopback peers, wire text and bounded waits for the socket specs. Every wait ends within <see cref="Timeout"/>.</summary>
internal static class TransportTestKit
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly ConditionalWeakTable<Socket, List<byte>> Leftovers = new();

    public static CancellationTokenSource Deadline() => new(Timeout);

    /// <summary>True when this machine can bind the address (no ::1 in some containers): checked with a real socket.</summary>
    public static bool CanBind(IPAddress address)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static bool SkipWithoutLoopback(IPAddress address, ITestOutputHelper output)
    {
        if (CanBind(address))
        {
            return false;
        }

        output.WriteLine($"SKIPPED: this machine cannot bind {address} (no IPv6 loopback); the test did not run.");
        return true;
    }

    public static SipTransportHost StartHost(IPAddress address, Func<SipTransportOptions, SipTransportOptions>? configure = null)
    {
        var options = SipTransportOptions.ForAddresses(0, address);
        return SipTransportHost.Start(configure is null ? options : configure(options));
    }

    public static IPEndPoint Udp(this SipTransportHost host, AddressFamily family) =>
        host.FindLocalEndPoint(SipProtocol.Udp, family)!.Value.Address;

    public static IPEndPoint Tcp(this SipTransportHost host, AddressFamily family) =>
        host.FindLocalEndPoint(SipProtocol.Tcp, family)!.Value.Address;

    /// <summary>Host text for a Via or URI: IPv6 in brackets.</summary>
    public static string HostText(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    public static string Request(string method, string via, string callId, string? body = null, bool withContentLength = true)
    {
        var text = new StringBuilder()
            .Append(method).Append(" sip:support@cc.example.test SIP/2.0\r\n")
            .Append("Via: ").Append(via).Append("\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("To: <sip:support@cc.example.test>\r\n")
            .Append("From: <sip:alice@example.test>;tag=a1\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: 1 ").Append(method).Append("\r\n");
        if (withContentLength)
        {
            text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body ?? "")).Append("\r\n");
        }

        return text.Append("\r\n").Append(body).ToString();
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static SipRequest ParseRequest(string text)
    {
        Assert.True(SipParser.TryParse(Bytes(text), out var message, out var error), error?.ToString());
        return Assert.IsType<SipRequest>(message);
    }

    public static async Task<ReceivedMessage> NextAsync(this SipTransportHost host, CancellationToken cancellation) =>
        await host.Incoming.ReadAsync(cancellation);

    /// <summary>Polls a condition the transport reaches on its own threads (a connection noticed as closed).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, CancellationToken cancellation, string what)
    {
        while (!condition())
        {
            if (cancellation.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting until " + what);
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public static Socket UdpPeer(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }

    public static IPEndPoint LocalEnd(this Socket socket) => (IPEndPoint)socket.LocalEndPoint!;

    public static async Task<byte[]> ReceiveDatagramAsync(this Socket socket, CancellationToken cancellation)
    {
        var buffer = new byte[65536];
        var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(socket.LocalEnd().Address, 0), cancellation);
        return buffer[..result.ReceivedBytes];
    }

    public static async Task<SipMessage> ReceiveMessageAsync(this Socket socket, CancellationToken cancellation)
    {
        var datagram = await socket.ReceiveDatagramAsync(cancellation);
        Assert.True(SipParser.TryParse(datagram, out var message, out var error), error?.ToString());
        return message;
    }

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellation)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint, cancellation);
        return socket;
    }

    public static async Task WriteAsync(this Socket socket, string text, CancellationToken cancellation) =>
        await socket.SendAsync(Bytes(text), SocketFlags.None, cancellation);

    /// <summary>Reads until <paramref name="count"/> bytes arrived; fewer when the peer closed first.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this Socket socket, int count, CancellationToken cancellation)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellation);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return buffer[..filled];
    }

    /// <summary>
    /// Reads one SIP message off a stream socket, framed the way the transport frames it. Bytes read past the
    /// message stay with the socket for the next call.
    /// </summary>
    public static async Task<SipMessage> ReadMessageAsync(this Socket socket, CancellationToken cancellation)
    {
        var buffer = Leftovers.GetValue(socket, _ => []);
        var chunk = new byte[4096];
        while (true)
        {
            var status = SipStreamFramer.TryFrame(buffer.ToArray(), SipParserLimits.Default, out var length, out _);
            if (status == FrameStatus.KeepAlive)
            {
                buffer.RemoveRange(0, length);
                continue;
            }

            if (status == FrameStatus.Message)
            {
                var frame = buffer.GetRange(0, length).ToArray();
                buffer.RemoveRange(0, length);
                Assert.True(SipParser.TryParse(frame, SipParserLimits.Default, streamFramed: true, out var message, out var error), error?.ToString());
                return message;
            }

            Assert.Equal(FrameStatus.NeedMoreData, status);
            var read = await socket.ReceiveAsync(chunk, SocketFlags.None, cancellation);
            Assert.True(read > 0, "the connection closed before a whole message arrived");
            buffer.AddRange(chunk.AsSpan(0, read));
        }
    }

    /// <summary>True once the peer has closed the connection (orderly or by reset).</summary>
    public static async Task<bool> IsClosedByPeerAsync(this Socket socket, CancellationToken cancellation)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellation);
                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return true;
        }
    }
}
