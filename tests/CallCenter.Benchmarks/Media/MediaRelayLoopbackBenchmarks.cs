using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;

namespace CallCenter.Benchmarks.Media;

/// <summary>
/// Packets through a real relay on 127.0.0.1: a phone sends a burst to the customer leg, the agent's phone receives
/// them all. One operation is one relayed packet (send, kernel, relay loop, kernel, receive), so Mean is the
/// per-packet cost with the burst in flight and Allocated covers the whole process, relay loops included.
/// </summary>
[MemoryDiagnoser]
public class MediaRelayLoopbackBenchmarks
{
    private const int Burst = 32;

    private readonly byte[] _received = new byte[2048];
    private MediaRelay _relay = null!;
    private Socket _customer = null!;
    private Socket _agent = null!;
    private SocketAddress _relayAddress = null!;
    private SocketAddress _from = null!;
    private byte[] _packet = null!;

    /// <summary>Same codec on both legs (forward as is) or PCMA to PCMU (payload converted in place).</summary>
    [Params(false, true)]
    public bool Transcode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var first = 20000 + (2 * Random.Shared.Next(0, 5000));
        var ports = new PortAllocator(first, first + 39);
        _relay = MediaRelay.Open(ports, NoMediaEvents.Instance, new MediaRelayOptions { BindAddress = IPAddress.Loopback });
        _customer = Bind();
        _agent = Bind();
        _relay.Customer.SetRemote((IPEndPoint)_customer.LocalEndPoint!);
        _relay.Agent.SetRemote((IPEndPoint)_agent.LocalEndPoint!);
        if (Transcode)
        {
            _relay.Customer.SetFormats([PayloadFormat.Pcma]);
            _relay.Agent.SetFormats([PayloadFormat.Pcmu]);
        }

        _relay.Bridge();
        _relayAddress = new IPEndPoint(IPAddress.Loopback, _relay.Customer.LocalRtpPort).Serialize();
        _from = new SocketAddress(AddressFamily.InterNetwork);
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        _packet = RtpPacketWriter.ToArray(new RtpHeader(Transcode ? (byte)8 : (byte)0, 1, 160, 0xC0FFEE), payload);
    }

    [Benchmark(OperationsPerInvoke = Burst)]
    public int RelayBurst()
    {
        for (var i = 0; i < Burst; i++)
        {
            _customer.SendTo(_packet, SocketFlags.None, _relayAddress);
        }

        var bytes = 0;
        for (var i = 0; i < Burst; i++)
        {
            if (!_agent.Poll(5_000_000, SelectMode.SelectRead))
            {
                throw new TimeoutException("a relayed packet did not arrive within 5 s");
            }

            bytes += _agent.ReceiveFrom(_received, SocketFlags.None, _from);
        }

        return bytes;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _relay.Dispose();
        _customer.Dispose();
        _agent.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
