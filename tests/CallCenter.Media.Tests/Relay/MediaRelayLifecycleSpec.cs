using CallCenter.Testing;
using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Audio;
using CallCenter.Media.Relay;
using CallCenter.Media.Tests.TestKit;

namespace CallCenter.Media.Tests.Relay;

public sealed class MediaRelayLifecycleSpec
{
    private static readonly MediaRelayOptions Loopback = new() { BindAddress = IPAddress.Loopback };

    [Fact]
    public async Task Relay_should_bind_two_allocated_pairs_with_rtcp_one_above_rtp()
    {
        var ports = RelayHarness.RandomPorts(4);
        await using var relay = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback);

        foreach (var leg in new[] { relay.Customer, relay.Agent })
        {
            Assert.True(ports.IsInUse(leg.LocalRtpPort));
            Assert.Equal(0, leg.LocalRtpPort % 2);
            Assert.Equal(leg.LocalRtpPort + 1, leg.LocalRtcpPort);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, leg.LocalRtpPort), leg.LocalRtpEndPoint);
        }

        Assert.NotEqual(relay.Customer.LocalRtpPort, relay.Agent.LocalRtpPort);
        Assert.Equal(2, ports.InUse);
    }

    [Fact]
    public async Task Disposing_should_end_the_loops_and_free_the_ports_for_the_next_call()
    {
        var ports = RelayHarness.RandomPorts(2);
        var time = new ManualTimeProvider();
        var relay = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback with { MediaTimeout = TimeSpan.FromSeconds(5) }, time);
        relay.Customer.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        relay.StartPlayback(MediaLegId.Customer, Tones.CreateHoldMusic());
        int[] used = [relay.Customer.LocalRtpPort, relay.Agent.LocalRtpPort];

        await relay.DisposeAsync();

        Assert.True(relay.Completion.IsCompletedSuccessfully);
        Assert.Equal(0, ports.InUse);
        Assert.Equal(0, time.ActiveTimers);
        foreach (var port in used.SelectMany(p => new[] { p, p + 1 }))
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }

        await using var next = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback);
        Assert.Equal(used.Order(), new[] { next.Customer.LocalRtpPort, next.Agent.LocalRtpPort }.Order());
    }

    [Fact]
    public async Task A_disposed_relay_should_refuse_control_and_tolerate_disposal_twice()
    {
        var relay = MediaRelay.Open(RelayHarness.RandomPorts(2), NoMediaEvents.Instance, Loopback);

        relay.Dispose();
        await relay.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => relay.Bridge());
        Assert.Throws<ObjectDisposedException>(() => relay.StartPlayback(MediaLegId.Agent, Tones.CreateRingback()));
        Assert.Throws<ObjectDisposedException>(() => relay.Customer.SetRemote(new IPEndPoint(IPAddress.Loopback, 4000)));
        Assert.False(relay.IsBridged);
    }

    [Fact]
    public async Task Opening_a_relay_in_a_full_range_should_fail_clearly_and_leak_nothing()
    {
        var ports = RelayHarness.RandomPorts(3);
        await using var first = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback);

        var error = Assert.Throws<MediaPortsExhaustedException>(() => MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback));

        Assert.Contains($"{ports.FirstPort}-{ports.LastPort}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ports.InUse);
        await first.DisposeAsync();
        await using var second = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback);
        Assert.Equal(2, ports.InUse);
    }

    [Fact]
    public async Task A_pair_held_by_another_process_should_be_skipped_and_kept_for_later()
    {
        var ports = RelayHarness.RandomPorts(3);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, ports.FirstPort + 1));

        await using var relay = MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback);

        Assert.DoesNotContain(ports.FirstPort, new[] { relay.Customer.LocalRtpPort, relay.Agent.LocalRtpPort });
        Assert.Equal(2, ports.InUse);
        Assert.False(ports.IsInUse(ports.FirstPort));
        var error = Assert.Throws<MediaPortsExhaustedException>(() => MediaRelay.Open(ports, NoMediaEvents.Instance, Loopback));
        Assert.Contains("held by other processes", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ports.InUse);
    }

    [Fact]
    public async Task The_factory_should_open_relays_from_the_nodes_shared_range()
    {
        var ports = RelayHarness.RandomPorts(4);
        IMediaRelayFactory factory = new MediaRelayFactory(ports, Loopback, TimeProvider.System);

        await using var a = factory.Open(NoMediaEvents.Instance);
        await using var b = factory.Open(NoMediaEvents.Instance);

        Assert.Equal(4, ports.InUse);
        Assert.Equal(4, new[] { a.Customer, a.Agent, b.Customer, b.Agent }.Select(l => l.LocalRtpPort).Distinct().Count());
    }
}
