using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Dtmf;

public sealed class DtmfDetectorSpec
{
    private const uint Ssrc = 0x5EED;

    private readonly DtmfDetector _detector = new();

    [Fact]
    public void Detector_should_report_a_digit_once_on_its_first_end_packet_despite_three_ends()
    {
        var reported = new List<DtmfDigitEvent>();
        reported.AddRange(Feed(1000, 5, false, 160));
        reported.AddRange(Feed(1000, 5, false, 320));
        Assert.Empty(reported);

        reported.AddRange(Feed(1000, 5, true, 480));
        reported.AddRange(Feed(1000, 5, true, 480));
        reported.AddRange(Feed(1000, 5, true, 480));

        var digit = Assert.Single(reported);
        Assert.Equal(new DtmfDigitEvent('5', Ssrc, 1000, 480, true, 10), digit);
        Assert.Equal(TimeSpan.FromMilliseconds(60), digit.DurationAt());
    }

    [Fact]
    public void Detector_should_report_two_presses_of_the_same_key_separately()
    {
        var reported = new List<DtmfDigitEvent>();
        foreach (var timestamp in new uint[] { 1000, 3000 })
        {
            reported.AddRange(Feed(timestamp, 7, false, 160));
            reported.AddRange(Feed(timestamp, 7, true, 320));
            reported.AddRange(Feed(timestamp, 7, true, 320));
        }

        Assert.Equal([('7', 1000u), ('7', 3000u)], reported.Select(d => (d.Digit, d.Timestamp)));
    }

    [Fact]
    public void Detector_should_report_a_digit_whose_end_was_lost_when_the_next_event_starts()
    {
        Assert.Empty(Feed(1000, 1, false, 160));
        Assert.Empty(Feed(1000, 1, false, 320));

        var reported = Feed(2000, 2, false, 160);

        var digit = Assert.Single(reported);
        Assert.Equal('1', digit.Digit);
        Assert.False(digit.EndSeen);
        Assert.Equal(320, digit.Duration);
        Assert.Equal('2', Assert.Single(Feed(2000, 2, true, 320)).Digit);
    }

    [Fact]
    public void Detector_should_report_both_digits_when_a_lost_end_is_followed_by_a_lone_end_packet()
    {
        Feed(1000, 3, false, 160);

        var reported = Feed(2000, 4, true, 400);

        Assert.Equal(['3', '4'], reported.Select(d => d.Digit));
        Assert.Equal([false, true], reported.Select(d => d.EndSeen));
    }

    [Fact]
    public void Detector_should_report_a_digit_whose_end_was_lost_once_audio_moves_well_past_it()
    {
        Feed(1000, 9, false, 160);
        Feed(1000, 9, false, 320);

        Assert.False(_detector.TryObserveMedia(Ssrc, 1000 + 320 + DtmfDetector.AudioGraceUnits, out _));
        Assert.False(_detector.TryObserveMedia(Ssrc + 1, 50_000, out _));
        Assert.True(_detector.TryObserveMedia(Ssrc, 1000 + 320 + DtmfDetector.AudioGraceUnits + 160, out var digit));

        Assert.Equal('9', digit.Digit);
        Assert.False(digit.EndSeen);
        Assert.Empty(Feed(1000, 9, true, 480));
        Assert.False(_detector.TryFlush(out _));
    }

    [Fact]
    public void Flush_should_report_a_pending_digit_once()
    {
        Feed(1000, 10, false, 160);

        Assert.True(_detector.TryFlush(out var digit));
        Assert.Equal('*', digit.Digit);
        Assert.False(_detector.TryFlush(out _));
    }

    [Fact]
    public void Detector_should_ignore_late_packets_of_an_earlier_event()
    {
        Feed(1000, 1, true, 320);
        Feed(2000, 2, false, 160);

        Assert.Empty(Feed(1000, 1, true, 320));
        Assert.Empty(Feed(1000, 1, false, 160));
        Assert.Equal('2', Assert.Single(Feed(2000, 2, true, 320)).Digit);
    }

    [Fact]
    public void Detector_should_follow_timestamps_across_the_32_bit_wrap()
    {
        Feed(uint.MaxValue - 100, 1, true, 320);

        Assert.Equal('2', Assert.Single(Feed(500, 2, true, 320)).Digit);
        Assert.Empty(Feed(uint.MaxValue - 100, 1, true, 320));
    }

    [Fact]
    public void Detector_should_treat_a_new_ssrc_as_a_new_stream()
    {
        Feed(1000, 1, false, 160);

        var reported = Accept(Ssrc + 1, 1000, 2, true, 320);

        Assert.Equal(['1', '2'], reported.Select(d => d.Digit));
    }

    [Fact]
    public void Detector_should_not_report_events_that_are_not_keys()
    {
        Assert.Empty(Feed(1000, 16, true, 800)); // hook flash
        Assert.Empty(Feed(2000, 200, false, 160));
        Assert.Empty(Feed(3000, 0, false, 160));
        Assert.Equal('0', Assert.Single(Feed(3000, 0, true, 320)).Digit);
    }

    [Fact]
    public void Detector_should_ignore_a_payload_too_short_for_an_event()
    {
        Span<DtmfDigitEvent> output = stackalloc DtmfDigitEvent[2];
        Assert.Equal(0, _detector.Accept(Ssrc, 1000, [1, 0x80, 0], output));
    }

    [Fact]
    public void Generated_packets_should_be_detected_as_the_same_digits_once_each()
    {
        var digits = new List<char>();
        uint timestamp = 8000;
        ushort sequence = 100;
        foreach (var key in "159*0#AD")
        {
            foreach (var packet in DtmfGenerator.Generate(key, new RtpHeader(101, sequence, timestamp, Ssrc)))
            {
                var bytes = packet.ToArray();
                Assert.True(RtpPacket.TryParse(bytes, out var parsed));
                digits.AddRange(Accept(parsed.Ssrc, parsed.Timestamp, parsed.Payload).Select(d => d.Digit));
                sequence++;
            }

            timestamp += 2400;
        }

        Assert.Equal("159*0#AD", string.Concat(digits));
    }

    private List<DtmfDigitEvent> Feed(uint timestamp, byte eventCode, bool end, ushort duration) =>
        Accept(Ssrc, timestamp, eventCode, end, duration);

    private List<DtmfDigitEvent> Accept(uint ssrc, uint timestamp, byte eventCode, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEvent(eventCode, end, 10, duration).TryWrite(payload);
        return Accept(ssrc, timestamp, payload);
    }

    private List<DtmfDigitEvent> Accept(uint ssrc, uint timestamp, ReadOnlySpan<byte> payload)
    {
        Span<DtmfDigitEvent> output = stackalloc DtmfDigitEvent[DtmfDetector.MaxDigitsPerPacket];
        var count = _detector.Accept(ssrc, timestamp, payload, output);
        return [.. output[..count]];
    }
}
