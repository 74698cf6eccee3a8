using System.Net;
using CallCenter.Media.Codecs;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.TestKit;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

public sealed class MediaRelayForwardingSpec
{
    [Fact]
    public async Task Relay_should_forward_both_ways_with_every_header_field_unchanged()
    {
        await using var h = Start();
        h.Relay.Bridge();

        for (ushort i = 0; i < 5; i++)
        {
            var fromCustomer = RtpBytes(0, (ushort)(65533 + i), 1_000_000 + (160u * i), 0xC0FFEE, marker: i == 0);
            h.Customer.Send(fromCustomer, h.CustomerLegRtp);
            var (data, from) = await h.Agent.ReceiveAsync();
            Assert.Equal(fromCustomer, data);
            Assert.Equal(h.AgentLegRtp, from);

            var fromAgent = RtpBytes(0, (ushort)(100 + i), 4000 + (160u * i), 0xA9E47);
            h.Agent.Send(fromAgent, h.AgentLegRtp);
            (data, from) = await h.Customer.ReceiveAsync();
            Assert.Equal(fromAgent, data);
            Assert.Equal(h.CustomerLegRtp, from);
        }
    }

    [Fact]
    public async Task Relay_should_keep_csrcs_extensions_and_padding_intact()
    {
        await using var h = Start();
        h.Relay.Bridge();
        var buffer = new byte[400];
        RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 9, 99, 999), [1, 2, 3], new RtpExtension(0xBEDE, [1, 2, 3, 4]), Payload(160, 7), 4, out var length);
        var packet = buffer[..length];

        h.Customer.Send(packet, h.CustomerLegRtp);

        Assert.Equal(packet, await h.Agent.ReceiveDataAsync());
    }

    [Fact]
    public async Task Relay_should_drop_and_count_packets_until_bridged()
    {
        await using var h = Start();

        h.Customer.Send(RtpBytes(0, 1, 160, 7), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpDropped == 1, "the unbridged packet to be dropped");
        h.Relay.Bridge();
        var second = RtpBytes(0, 2, 320, 7);
        h.Customer.Send(second, h.CustomerLegRtp);

        Assert.Equal(second, await h.Agent.ReceiveDataAsync());
        h.Relay.Unbridge();
        h.Customer.Send(RtpBytes(0, 3, 480, 7), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpDropped == 2, "the packet after unbridging to be dropped");
        Assert.Equal(1, h.Relay.Customer.Statistics.RtpForwarded);
        Assert.Equal(2, h.Relay.Customer.Statistics.RtpHeld);
    }

    [Fact]
    public async Task Relay_should_count_a_malformed_packet_as_lost_not_as_held()
    {
        await using var h = Start();

        h.Customer.Send([0x80, 0x00, 0x01], h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpDropped == 1, "the malformed packet to be dropped");

        Assert.Equal(0, h.Relay.Customer.Statistics.RtpHeld);
    }

    [Fact]
    public async Task Relay_should_send_to_where_packets_come_from_not_to_the_sdp_address()
    {
        await using var h = Start(connectPhones: false);
        using var natted = new TestPhone();
        h.Relay.Customer.SetRemote(h.Customer.EndPoint);
        h.Relay.Agent.SetRemote(new IPEndPoint(IPAddress.Loopback, 9)); // what the agent's SDP claimed
        h.Relay.Bridge();

        natted.Send(RtpBytes(0, 1, 160, 0xA), h.AgentLegRtp);
        Assert.Equal(RtpBytes(0, 1, 160, 0xA), await h.Customer.ReceiveDataAsync());
        var toAgent = RtpBytes(0, 50, 8000, 0xC);
        h.Customer.Send(toAgent, h.CustomerLegRtp);

        Assert.Equal(toAgent, await natted.ReceiveDataAsync());
        Assert.Equal(natted.EndPoint, h.Relay.Agent.LatchedRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9), h.Relay.Agent.RemoteRtp);
        Assert.Equal(natted.EndPoint, Assert.Single(h.Events.FirstPackets, e => e.Leg == MediaLegId.Agent).Source);
    }

    [Fact]
    public async Task Relay_should_follow_the_same_stream_to_a_new_source_port()
    {
        await using var h = Start();
        using var rebound = new TestPhone();
        h.Relay.Bridge();
        h.Agent.Send(RtpBytes(0, 1, 160, 0xA6E), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();

        rebound.Send(RtpBytes(0, 2, 320, 0xA6E), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();
        var toAgent = RtpBytes(0, 7, 700, 0xC);
        h.Customer.Send(toAgent, h.CustomerLegRtp);

        Assert.Equal(toAgent, await rebound.ReceiveDataAsync());
        Assert.Equal((MediaLegId.Agent, rebound.EndPoint), Assert.Single(h.Events.SourceChanges));
    }

    [Fact]
    public async Task Relay_should_refuse_a_stranger_until_the_latched_source_has_been_quiet()
    {
        await using var h = Start(MediaRelayOptions.Default with { LatchTakeover = TimeSpan.FromSeconds(2) });
        using var stranger = new TestPhone();
        h.Relay.Bridge();
        h.Agent.Send(RtpBytes(0, 1, 160, 0xA6E), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();

        stranger.Send(RtpBytes(0, 1, 160, 0xBAD), h.AgentLegRtp);
        await h.UntilAgentLeg(s => s.RtpDropped == 1, "the stranger's packet to be refused");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        stranger.Send(RtpBytes(0, 2, 320, 0xBAD), h.AgentLegRtp);
        Assert.Equal(RtpBytes(0, 2, 320, 0xBAD), await h.Customer.ReceiveDataAsync());
        var toAgent = RtpBytes(0, 9, 900, 0xC);
        h.Customer.Send(toAgent, h.CustomerLegRtp);

        Assert.Equal(toAgent, await stranger.ReceiveDataAsync());
        Assert.Equal(stranger.EndPoint, h.Relay.Agent.LatchedRtp);
    }

    [Fact]
    public async Task The_address_the_sdp_named_should_win_back_the_latch_from_a_stranger_at_once()
    {
        await using var h = Start();
        using var stranger = new TestPhone();
        h.Relay.Bridge();
        stranger.Send(RtpBytes(0, 1, 160, 0xBAD), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();
        Assert.Equal(stranger.EndPoint, h.Relay.Agent.LatchedRtp);

        h.Agent.Send(RtpBytes(0, 1, 160, 0xA6E), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();
        var toAgent = RtpBytes(0, 2, 320, 0xC);
        h.Customer.Send(toAgent, h.CustomerLegRtp);

        Assert.Equal(toAgent, await h.Agent.ReceiveDataAsync());
        Assert.Equal(h.Agent.EndPoint, h.Relay.Agent.LatchedRtp);
    }

    [Fact]
    public async Task A_new_sdp_address_should_replace_the_latched_one()
    {
        await using var h = Start();
        using var transferred = new TestPhone();
        h.Relay.Bridge();
        h.Agent.Send(RtpBytes(0, 1, 160, 0xA), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();

        h.Relay.Agent.SetRemote(transferred.EndPoint);
        var toAgent = RtpBytes(0, 2, 320, 0xC);
        h.Customer.Send(toAgent, h.CustomerLegRtp);

        Assert.Equal(toAgent, await transferred.ReceiveDataAsync());
        Assert.Null(h.Relay.Agent.LatchedRtp);
    }

    [Fact]
    public async Task Relay_should_renumber_telephone_events_between_legs_that_chose_different_types()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(101)]);
        h.Relay.Agent.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(96)]);
        h.Relay.Bridge();
        byte[] dtmf = [5, 0x8A, 0x03, 0x20];

        var sent = RtpBytes(101, 10, 8000, 0xC, dtmf, marker: true);
        h.Customer.Send(sent, h.CustomerLegRtp);
        var received = await h.Agent.ReceiveDataAsync();

        Assert.True(RtpPacket.TryParse(received, out var packet));
        Assert.Equal((96, true), (packet.PayloadType, packet.Marker));
        Assert.Equal(sent[2..], received[2..]);
        h.Agent.Send(RtpBytes(96, 1, 1, 0xA, dtmf), h.AgentLegRtp);
        Assert.True(RtpPacket.TryParse(await h.Customer.ReceiveDataAsync(), out var back));
        Assert.Equal(101, back.PayloadType);
    }

    [Fact]
    public async Task Relay_should_transcode_between_an_a_law_leg_and_a_mu_law_leg()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([PayloadFormat.Pcma]);
        h.Relay.Agent.SetFormats([PayloadFormat.Pcmu]);
        h.Relay.Bridge();
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        h.Customer.Send(RtpBytes(8, 1, 160, 0xC, codes), h.CustomerLegRtp);
        var toAgent = await h.Agent.ReceiveDataAsync();
        h.Agent.Send(RtpBytes(0, 1, 160, 0xA, codes), h.AgentLegRtp);
        var toCustomer = await h.Customer.ReceiveDataAsync();

        Assert.True(RtpPacket.TryParse(toAgent, out var mu));
        Assert.Equal(0, mu.PayloadType);
        Assert.Equal(codes.Select(G711Transcoder.ToMuLaw), mu.Payload.ToArray());
        Assert.Equal(RtpBytes(8, 1, 160, 0xC, codes)[2..12], toAgent[2..12]);
        Assert.True(RtpPacket.TryParse(toCustomer, out var a));
        Assert.Equal(8, a.PayloadType);
        Assert.Equal(codes.Select(G711Transcoder.ToALaw), a.Payload.ToArray());
    }

    [Fact]
    public async Task Relay_should_drop_payload_types_the_legs_did_not_agree_on()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([PayloadFormat.Pcmu, new PayloadFormat(18, "G729")]);
        h.Relay.Agent.SetFormats([PayloadFormat.Pcmu]);
        h.Relay.Bridge();

        h.Customer.Send(RtpBytes(18, 1, 160, 0xC, new byte[20]), h.CustomerLegRtp);
        h.Customer.Send(RtpBytes(13, 2, 320, 0xC, new byte[1]), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpDropped == 2, "both unroutable packets to be dropped");
        var audio = RtpBytes(0, 3, 480, 0xC);
        h.Customer.Send(audio, h.CustomerLegRtp);

        Assert.Equal(audio, await h.Agent.ReceiveDataAsync());
    }

    [Fact]
    public async Task Counters_should_add_up_per_direction()
    {
        await using var h = Start();
        h.Relay.Bridge();
        h.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Relay.Customer.Statistics.LastRtpAt);
        for (ushort i = 0; i < 4; i++)
        {
            h.Customer.Send(RtpBytes(0, i, 160u * i, 0xC), h.CustomerLegRtp);
            await h.Agent.ReceiveDataAsync();
        }

        h.Agent.Send(RtpBytes(0, 1, 160, 0xA), h.AgentLegRtp);
        await h.Customer.ReceiveDataAsync();
        h.Customer.Send([1, 2, 3], h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpDropped == 1, "the runt datagram to be dropped");
        // The agent's leg counts its relayed packet (and the customer's sent one) after the send returns.
        await h.UntilAgentLeg(s => s.RtpForwarded == 1, "the agent's packet to be counted as relayed");

        var customer = h.Relay.Customer.Statistics;
        var agent = h.Relay.Agent.Statistics;
        Assert.Equal((5, (4 * 172) + 3, 4, 1), (customer.RtpReceived, customer.RtpReceivedBytes, customer.RtpForwarded, customer.RtpDropped));
        Assert.Equal((1, 172), (customer.RtpSent, customer.RtpSentBytes));
        Assert.Equal((1, 172, 1, 0), (agent.RtpReceived, agent.RtpReceivedBytes, agent.RtpForwarded, agent.RtpDropped));
        Assert.Equal((4, 4 * 172), (agent.RtpSent, agent.RtpSentBytes));
        Assert.Equal(h.Time.GetUtcNow(), customer.LastRtpAt);
    }

    [Fact]
    public async Task Relay_should_forward_rtcp_between_the_rtcp_ports()
    {
        await using var h = Start(connectPhones: false);
        using var customerRtcp = new TestPhone();
        using var agentRtcp = new TestPhone();
        h.Relay.Customer.SetRemote(h.Customer.EndPoint, customerRtcp.EndPoint);
        h.Relay.Agent.SetRemote(h.Agent.EndPoint, agentRtcp.EndPoint);
        h.Relay.Bridge();
        byte[] receiverReport = [0x80, 201, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0C];

        customerRtcp.Send(receiverReport, new IPEndPoint(IPAddress.Loopback, h.Relay.Customer.LocalRtcpPort));
        var (data, from) = await agentRtcp.ReceiveAsync();

        Assert.Equal(receiverReport, data);
        Assert.Equal(h.Relay.Agent.LocalRtcpPort, from.Port);
        customerRtcp.Send([0x80, 201, 0x00, 0x05], new IPEndPoint(IPAddress.Loopback, h.Relay.Customer.LocalRtcpPort));
        await h.UntilCustomerLeg(s => s.RtcpDropped == 1, "the malformed report to be dropped");
        Assert.Equal((2, 1), (h.Relay.Customer.Statistics.RtcpReceived, h.Relay.Customer.Statistics.RtcpForwarded));
    }

    [Fact]
    public async Task Rtcp_sent_to_the_rtp_port_should_be_counted_not_relayed_as_rtp()
    {
        await using var h = Start();
        h.Relay.Bridge();

        h.Customer.Send([0x80, 201, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0C], h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtcpDropped == 1, "the multiplexed report to be counted");
        var audio = RtpBytes(0, 1, 160, 0xC);
        h.Customer.Send(audio, h.CustomerLegRtp);

        Assert.Equal(audio, await h.Agent.ReceiveDataAsync());
        Assert.Equal((2, 1, 1), (h.Relay.Customer.Statistics.RtpReceived, h.Relay.Customer.Statistics.RtpDropped, h.Relay.Customer.Statistics.RtcpReceived));
    }

    [Fact]
    public async Task A_datagram_larger_than_the_buffer_should_be_counted_as_an_error_not_relayed_truncated()
    {
        await using var h = Start(MediaRelayOptions.Default with { MaxDatagramBytes = 512 });
        h.Relay.Bridge();

        h.Customer.Send(RtpBytes(0, 1, 160, 0xC, new byte[1000]), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.ReceiveErrors == 1, "the oversized datagram to fail");
        var normal = RtpBytes(0, 2, 320, 0xC);
        h.Customer.Send(normal, h.CustomerLegRtp);

        Assert.Equal(normal, await h.Agent.ReceiveDataAsync());
        // The relay counts a packet as forwarded after the send returns, so the phone can hold it before the count moves.
        await h.UntilCustomerLeg(s => s.RtpForwarded == 1, "the normal packet to be counted as relayed");
        Assert.Equal(1, h.Relay.Customer.Statistics.RtpReceived);
    }

    [Fact]
    public async Task Remote_addresses_must_match_the_family_the_relay_binds()
    {
        await using var h = Start();

        Assert.Throws<ArgumentException>(() => h.Relay.Customer.SetRemote(new IPEndPoint(IPAddress.IPv6Loopback, 4000)));
        Assert.Throws<ArgumentException>(() => h.Relay.Customer.SetRemote(new IPEndPoint(IPAddress.Loopback, 65535)));
        Assert.Throws<ArgumentException>(() => h.Relay.Customer.SetFormats([PayloadFormat.Pcmu, new PayloadFormat(0, "PCMA")]));
    }
}
