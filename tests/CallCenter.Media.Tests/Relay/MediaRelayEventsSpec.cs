using CallCenter.Media.Dtmf;
using CallCenter.Media.Relay;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.TestKit;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

public sealed class MediaRelayEventsSpec
{
    private static readonly MediaRelayOptions WithTimeout = new() { MediaTimeout = TimeSpan.FromSeconds(5), TimeoutCheckInterval = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Silence_longer_than_the_media_timeout_should_be_reported_once()
    {
        await using var h = Start(WithTimeout, connectPhones: false);
        h.Relay.Customer.SetRemote(h.Customer.EndPoint);

        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(h.Events.Timeouts);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((MediaLegId.Customer, TimeSpan.FromSeconds(5)), Assert.Single(h.Events.Timeouts));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(h.Events.Timeouts);
    }

    [Fact]
    public async Task Media_resuming_should_rearm_the_timeout()
    {
        await using var h = Start(WithTimeout, connectPhones: false);
        h.Relay.Customer.SetRemote(h.Customer.EndPoint);
        h.Time.Advance(TimeSpan.FromSeconds(3));

        h.Customer.Send(RtpBytes(0, 1, 160, 0xC), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.LastRtpAt is not null, "the packet to arrive");
        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(h.Events.Timeouts);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(h.Events.Timeouts);

        h.Customer.Send(RtpBytes(0, 2, 320, 0xC), h.CustomerLegRtp);
        await h.UntilCustomerLeg(s => s.RtpReceived == 2, "the second packet to arrive");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, h.Events.Timeouts.Count);
    }

    [Fact]
    public async Task A_leg_without_an_sdp_address_or_paused_for_hold_should_not_time_out()
    {
        await using var h = Start(WithTimeout, connectPhones: false);
        h.Relay.Customer.SetRemote(h.Customer.EndPoint);
        h.Relay.Customer.TimeoutPaused = true;

        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Events.Timeouts);
        h.Relay.Customer.TimeoutPaused = false;
        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(h.Events.Timeouts);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(MediaLegId.Customer, Assert.Single(h.Events.Timeouts).Leg);
    }

    [Fact]
    public async Task Media_timeout_should_be_off_by_default()
    {
        await using var h = Start();

        h.Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(h.Events.Timeouts);
        Assert.Equal(0, h.Time.ActiveTimers);
    }

    [Fact]
    public async Task A_key_pressed_by_the_caller_should_be_reported_once_whether_or_not_bridged()
    {
        await using var h = Start();
        h.Relay.Customer.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(101)]);
        h.Relay.StartPlayback(MediaLegId.Customer, new CallCenter.Media.Audio.LoopingAudioSource([0]));

        var sent = SendDigit(h, '7', 1000, 1000);
        await h.UntilCustomerLeg(s => s.RtpReceived == sent, "every event packet to arrive");
        h.Relay.Bridge();
        sent += SendDigit(h, '#', 3000, 2000);
        await h.UntilCustomerLeg(s => s.RtpReceived == sent, "every event packet to arrive");

        Assert.Equal(
            [(MediaLegId.Customer, '7', true), (MediaLegId.Customer, '#', true)],
            h.Events.Digits.Select(d => (d.Leg, d.Digit.Digit, d.Digit.EndSeen)));
    }

    [Fact]
    public async Task An_owner_that_throws_should_not_stop_the_relay()
    {
        await using var h = Start(events: new RecordingMediaEvents { ThrowOnDtmf = true });
        h.Relay.Customer.SetFormats([PayloadFormat.Pcmu, PayloadFormat.TelephoneEvent(101)]);
        h.Relay.Bridge();

        var sent = SendDigit(h, '1', 1000, 1000);
        await h.UntilCustomerLeg(s => s.RtpReceived == sent, "every event packet to arrive");
        var audio = RtpBytes(0, 2000, 9000, 0xC);
        h.Customer.Send(audio, h.CustomerLegRtp);

        Assert.Equal(1, h.Relay.EventHandlerFailures);
        while (true)
        {
            // The event packets were relayed too; the audio packet must follow them.
            if ((await h.Agent.ReceiveDataAsync()).SequenceEqual(audio))
            {
                break;
            }
        }
    }

    private static int SendDigit(RelayHarness h, char digit, ushort sequence, uint timestamp)
    {
        var packets = DtmfGenerator.Generate(digit, new RtpHeader(101, sequence, timestamp, 0xC));
        foreach (var packet in packets)
        {
            h.Customer.Send(packet.ToArray(), h.CustomerLegRtp);
        }

        return packets.Count;
    }
}
