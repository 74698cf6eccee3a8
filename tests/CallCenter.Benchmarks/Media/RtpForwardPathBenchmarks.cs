using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using CallCenter.Media.Codecs;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;

namespace CallCenter.Benchmarks.Media;

/// <summary>
/// The relay's per-packet work on one thread, without the receive: parse, latch check, DTMF check, payload-type
/// remap, PCMA→PCMU conversion of 160 bytes and the send to the other phone (one sendto to a discarding socket).
/// Beside it the pieces: parsing alone and the in-place table conversion alone.
/// </summary>
[MemoryDiagnoser]
public class RtpForwardPathBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private byte[] _template = null!;
    private MediaRelay _relay = null!;
    private Socket _sink = null!;
    private SocketAddress _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        var first = 20000 + (2 * Random.Shared.Next(0, 5000));
        _relay = MediaRelay.Open(new PortAllocator(first, first + 39), NoMediaEvents.Instance, new MediaRelayOptions { BindAddress = IPAddress.Loopback });
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var phone = new IPEndPoint(IPAddress.Loopback, 9);
        _source = phone.Serialize();
        _relay.Customer.SetRemote(phone);
        _relay.Agent.SetRemote((IPEndPoint)_sink.LocalEndPoint!);
        _relay.Customer.SetFormats([PayloadFormat.Pcma, PayloadFormat.TelephoneEvent(101)]);
        _relay.Agent.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(96)]);
        _relay.Bridge();
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        _template = RtpPacketWriter.ToArray(new RtpHeader(8, 1, 160, 0xC0FFEE), payload);
    }

    [Benchmark]
    public void ForwardOnePacket()
    {
        _template.CopyTo(_packet, 0);
        _relay.HandleRtp(_relay.Customer, _packet, _source);
    }

    [Benchmark]
    public int ParseOnly() => RtpPacket.TryParse(_template, out var packet) ? packet.PayloadLength : -1;

    [Benchmark]
    public void TranscodeFrameInPlace() => G711Transcoder.TranscodeInPlace(_packet.AsSpan(12, 160), G711Transcoder.ALawToMuLaw);

    [GlobalCleanup]
    public void Cleanup()
    {
        _relay.Dispose();
        _sink.Dispose();
    }
}
