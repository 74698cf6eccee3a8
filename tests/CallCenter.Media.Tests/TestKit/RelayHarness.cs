using CallCenter.Testing;
using System.Net;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.TestKit;

/// <summary>
/// A relay on 127.0.0.1 between two test phones, on virtual time. Each harness draws its port range at random
/// below the Linux ephemeral range; a port another process holds is skipped by the relay itself.
/// </summary>
internal sealed class RelayHarness : IAsyncDisposable
{
    private RelayHarness(MediaRelayOptions options, RecordingMediaEvents events, bool connectPhones)
    {
        Events = events;
        Ports = RandomPorts(8);
        Relay = MediaRelay.Open(Ports, events, options with { BindAddress = IPAddress.Loopback }, Time);
        if (connectPhones)
        {
            Relay.Customer.SetRemote(Customer.EndPoint);
            Relay.Agent.SetRemote(Agent.EndPoint);
        }
    }

    public ManualTimeProvider Time { get; } = new();

    public RecordingMediaEvents Events { get; }

    public PortAllocator Ports { get; }

    public MediaRelay Relay { get; }

    public TestPhone Customer { get; } = new();

    public TestPhone Agent { get; } = new();

    /// <summary>Where the customer's phone sends RTP: the relay's customer leg.</summary>
    public IPEndPoint CustomerLegRtp => new(IPAddress.Loopback, Relay.Customer.LocalRtpPort);

    public IPEndPoint AgentLegRtp => new(IPAddress.Loopback, Relay.Agent.LocalRtpPort);

    public static RelayHarness Start(MediaRelayOptions? options = null, RecordingMediaEvents? events = null, bool connectPhones = true) =>
        new(options ?? MediaRelayOptions.Default, events ?? new RecordingMediaEvents(), connectPhones);

    /// <summary>A small range somewhere in 20000-31999, away from the ports the OS gives to port-0 sockets.</summary>
    public static PortAllocator RandomPorts(int pairs)
    {
        var first = 20000 + (2 * Random.Shared.Next(0, 6000 - pairs));
        return new PortAllocator(first, first + (2 * pairs) - 1);
    }

    public static byte[] RtpBytes(byte payloadType, ushort sequence, uint timestamp, uint ssrc, byte[]? payload = null, bool marker = false) =>
        RtpPacketWriter.ToArray(new RtpHeader(payloadType, sequence, timestamp, ssrc, marker), payload ?? Payload(160, sequence));

    public static byte[] Payload(int length, int seed) => Enumerable.Range(seed, length).Select(i => (byte)i).ToArray();

    public Task UntilCustomerLeg(Func<MediaLegStatistics, bool> condition, string what) =>
        Eventually.Until(() => condition(Relay.Customer.Statistics), what);

    public Task UntilAgentLeg(Func<MediaLegStatistics, bool> condition, string what) =>
        Eventually.Until(() => condition(Relay.Agent.Statistics), what);

    public async ValueTask DisposeAsync()
    {
        await Relay.DisposeAsync();
        Customer.Dispose();
        Agent.Dispose();
    }
}
