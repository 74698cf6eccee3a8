using CallCenter.Testing;
using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Relay;
using CallCenter.Media.Tests.TestKit;
using Xunit.Abstractions;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

/// <summary>Allocation is measured process-wide, so nothing else may run meanwhile.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

[Collection(nameof(AllocationMeasurement))]
public sealed class MediaRelayAllocationSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task The_forward_path_should_allocate_nothing_per_packet_on_its_thread()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([PayloadFormat.Pcma, PayloadFormat.TelephoneEvent(101)]);
        h.Relay.Agent.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(96)]);
        h.Relay.Bridge();
        var template = RtpBytes(8, 1, 160, 0xC);
        var packet = new byte[template.Length];
        var source = h.Customer.EndPoint.Serialize();
        void ForwardOne(ushort sequence)
        {
            template.CopyTo(packet, 0);
            packet[3] = (byte)sequence;
            h.Relay.HandleRtp(h.Relay.Customer, packet, source);
        }

        for (ushort i = 0; i < 200; i++)
        {
            ForwardOne(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort i = 0; i < 10_000; i++)
        {
            ForwardOne(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        await h.UntilAgentLeg(s => s.RtpSent == 10_200, "every forwarded packet to be counted");
        Assert.Equal(0, h.Relay.Customer.Statistics.RtpDropped);
    }

    [Fact]
    public async Task Relaying_through_real_sockets_should_not_allocate_per_packet()
    {
        await using var h = Start();
        h.Relay.Bridge();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        h.Relay.Customer.SetRemote((IPEndPoint)sender.LocalEndPoint!);
        h.Relay.Agent.SetRemote((IPEndPoint)receiver.LocalEndPoint!);
        var relayAddress = h.CustomerLegRtp.Serialize();
        var from = new SocketAddress(AddressFamily.InterNetwork);
        var packet = RtpBytes(0, 1, 160, 0xC);
        var received = new byte[2048];
        var pollMicroseconds = (int)(Eventually.DefaultDeadline.Ticks / 10);
        void RoundTrip()
        {
            // Plain blocking calls with a SocketAddress allocate nothing on this side. (A ReceiveTimeout would: on
            // Unix it turns each waiting receive into a queued operation with an event.) Poll bounds the wait instead.
            sender.SendTo(packet, SocketFlags.None, relayAddress);
            if (!receiver.Poll(pollMicroseconds, SelectMode.SelectRead))
            {
                throw new TimeoutException("the relay did not forward a packet within the deadline");
            }

            receiver.ReceiveFrom(received, SocketFlags.None, from);
        }

        for (var i = 0; i < 2_000; i++)
        {
            RoundTrip();
        }

        // The count is process-wide, and the test host now and then does its own work (reflection, reporting)
        // meanwhile. A per-packet allocation shows in every window, the host's noise only in some: judge the
        // quietest window. The smallest object is 24 bytes, so anything per packet would read at least that.
        const int Windows = 6;
        const int PacketsPerWindow = 5_000;
        var perPacket = new double[Windows];
        for (var window = 0; window < Windows; window++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < PacketsPerWindow; i++)
            {
                RoundTrip();
            }

            perPacket[window] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)PacketsPerWindow;
        }

        output.WriteLine($"bytes allocated per relayed packet, whole process, by window: {string.Join(" ", perPacket.Select(b => b.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(perPacket.Min() < 1, $"at least {perPacket.Min():0.00} bytes allocated per relayed packet");
        // The relay counts a packet after sending it, so the last count can trail the receiver by a moment.
        await h.UntilCustomerLeg(s => s.RtpForwarded == 2_000 + (Windows * PacketsPerWindow), "every relayed packet to be counted");
    }
}
