using CallCenter.Media.Audio;
using CallCenter.Media.Codecs;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.TestKit;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

public sealed class MediaRelayPlayerSpec
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Player_should_send_a_160_byte_frame_every_20_ms_with_its_own_rtp_stream()
    {
        await using var h = Start();
        var clip = Enumerable.Range(0, 1000).Select(i => (short)((i % 200) * 100)).ToArray();
        h.Relay.StartPlayback(MediaLegId.Customer, new LoopingAudioSource(clip));

        h.Time.Advance(Frame - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, h.Relay.Customer.Statistics.RtpSent);
        var packets = new List<byte[]>();
        for (var i = 0; i < 10; i++)
        {
            h.Time.Advance(i == 0 ? TimeSpan.FromMilliseconds(1) : Frame);
            packets.Add(await h.Customer.ReceiveDataAsync());
        }

        var expected = new LoopingAudioSource(clip);
        var frame = new byte[160];
        var first = Parse(packets[0]);
        for (var i = 0; i < packets.Count; i++)
        {
            Assert.Equal(172, packets[i].Length);
            var header = Parse(packets[i]);
            Assert.Equal(0, header.PayloadType);
            Assert.Equal(first.Ssrc, header.Ssrc);
            Assert.Equal((ushort)(first.SequenceNumber + i), header.SequenceNumber);
            Assert.Equal(first.Timestamp + (uint)(160 * i), header.Timestamp);
            Assert.Equal(i == 0, header.Marker);
            expected.ReadG711(G711Codec.MuLaw, frame);
            Assert.Equal(frame, packets[i][12..]);
        }

        Assert.Equal(10, h.Relay.Customer.Statistics.RtpSent);
    }

    [Fact]
    public async Task Player_should_speak_the_legs_negotiated_law_under_its_payload_type()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([new PayloadFormat(8, "PCMA"), PayloadFormat.TelephoneEvent(101)]);
        h.Relay.StartPlayback(MediaLegId.Customer, new LoopingAudioSource([1000]));

        h.Time.Advance(Frame);
        var packet = await h.Customer.ReceiveDataAsync();

        Assert.Equal(8, Parse(packet).PayloadType);
        Assert.All(packet[12..], b => Assert.Equal(ALaw.Encode(1000), b));
    }

    [Fact]
    public async Task While_playing_the_callers_packets_should_be_consumed_not_relayed()
    {
        await using var h = Start();
        h.Relay.StartPlayback(MediaLegId.Customer, Tones.CreateHoldMusic());

        h.Customer.Send(RtpBytes(0, 1, 160, 0xC), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpReceived == 1, "the caller's packet to arrive");

        Assert.Equal((0, 1), (h.Relay.Customer.Statistics.RtpForwarded, h.Relay.Customer.Statistics.RtpDropped));
        Assert.Equal(0, h.Relay.Agent.Statistics.RtpSent);
        Assert.True(h.Relay.IsPlaying(MediaLegId.Customer));
    }

    [Fact]
    public async Task Bridging_should_stop_the_player_and_switch_the_leg_to_relaying()
    {
        await using var h = Start();
        h.Relay.StartPlayback(MediaLegId.Customer, Tones.CreateRingback());
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(Frame);
            await h.Customer.ReceiveDataAsync();
        }

        h.Relay.Bridge();
        h.Time.Advance(Frame * 10);
        var fromAgent = RtpBytes(0, 77, 7777, 0xA);
        h.Agent.Send(fromAgent, h.AgentLegRtp);

        Assert.False(h.Relay.IsPlaying(MediaLegId.Customer));
        Assert.Equal(fromAgent, await h.Customer.ReceiveDataAsync());
        await h.UntilCustomerLeg(s => s.RtpSent == 4, "three frames played and one relayed to be counted as sent");
        Assert.Equal(0, h.Time.ActiveTimers);
    }

    [Fact]
    public async Task A_playing_leg_should_not_hear_the_other_leg_even_when_bridged()
    {
        await using var h = Start();
        h.Relay.Bridge();
        h.Relay.StartPlayback(MediaLegId.Customer, Tones.CreateHoldMusic());

        h.Agent.Send(RtpBytes(0, 1, 160, 0xA), h.AgentLegRtp);
        await h.UntilAgentLeg(s => s.RtpDropped == 1, "the agent's packet to be held back");
        h.Customer.Send(RtpBytes(0, 1, 160, 0xC), h.CustomerLegRtp);

        Assert.Equal(RtpBytes(0, 1, 160, 0xC), await h.Agent.ReceiveDataAsync());
    }

    [Fact]
    public async Task Restarted_playback_should_continue_the_stream_with_the_clock_moved_on()
    {
        await using var h = Start();
        var source = new LoopingAudioSource([0]);
        h.Relay.StartPlayback(MediaLegId.Customer, source);
        h.Time.Advance(Frame);
        var before = Parse(await h.Customer.ReceiveDataAsync());

        h.Relay.StopPlayback(MediaLegId.Customer);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Relay.StartPlayback(MediaLegId.Customer, source);
        h.Time.Advance(Frame);
        var after = Parse(await h.Customer.ReceiveDataAsync());

        Assert.Equal(before.Ssrc, after.Ssrc);
        Assert.Equal((ushort)(before.SequenceNumber + 1), after.SequenceNumber);
        Assert.Equal(before.Timestamp + 160 + 8000, after.Timestamp);
        Assert.True(after.Marker);
    }

    [Fact]
    public async Task Player_should_wait_for_an_address_before_sending()
    {
        await using var h = Start(connectPhones: false);
        h.Relay.StartPlayback(MediaLegId.Customer, Tones.CreateHoldMusic());

        h.Time.Advance(Frame * 5);
        Assert.Equal(0, h.Relay.Customer.Statistics.RtpSent);
        h.Relay.Customer.SetRemote(h.Customer.EndPoint);
        h.Time.Advance(Frame);

        Assert.Equal(172, (await h.Customer.ReceiveDataAsync()).Length);
    }

    [Fact]
    public async Task A_leg_without_g711_should_refuse_playback()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([new PayloadFormat(9, "G722")]);

        Assert.Throws<InvalidOperationException>(() => h.Relay.StartPlayback(MediaLegId.Customer, Tones.CreateHoldMusic()));
    }

    private static (byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker) Parse(byte[] datagram)
    {
        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        return (packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker);
    }
}
