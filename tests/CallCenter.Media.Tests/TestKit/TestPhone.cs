using CallCenter.Testing;
using System.Net;
using System.Net.Sockets;
using Xunit.Sdk;

namespace CallCenter.Media.Tests.TestKit;

/// <summary>A UDP "phone" on 127.0.0.1 with an OS-chosen port: sends datagrams and awaits them with a deadline.</summary>
internal sealed class TestPhone : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public TestPhone()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint to) => _socket.SendTo(datagram, SocketFlags.None, to);

    public async Task<(byte[] Data, IPEndPoint From)> ReceiveAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(timeout ?? Eventually.DefaultDeadline);
        try
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
            return (buffer[..result.ReceivedBytes], (IPEndPoint)result.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            throw new XunitException($"phone {EndPoint} received nothing within {(timeout ?? Eventually.DefaultDeadline).TotalSeconds:0.#} s");
        }
    }

    public async Task<byte[]> ReceiveDataAsync(TimeSpan? timeout = null) => (await ReceiveAsync(timeout)).Data;

    public void Dispose() => _socket.Dispose();
}
