using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Dtmf;

public sealed class DtmfGeneratorSpec
{
    [Fact]
    public void Generator_should_send_growing_updates_then_three_end_packets_on_one_timestamp()
    {
        var packets = DtmfGenerator.Generate('#', new RtpHeader(101, 65534, 4000, 77));

        Assert.Equal(7, packets.Count);
        Assert.All(packets, p => Assert.Equal((101, 4000u, 77u), (p.Header.PayloadType, p.Header.Timestamp, p.Header.Ssrc)));
        Assert.Equal([65534, 65535, 0, 1, 2, 3, 4], packets.Select(p => (int)p.Header.SequenceNumber));
        Assert.Equal([true, false, false, false, false, false, false], packets.Select(p => p.Header.Marker));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], packets.Select(p => (int)p.Event.Duration));
        Assert.Equal([false, false, false, false, true, true, true], packets.Select(p => p.Event.End));
        Assert.All(packets, p => Assert.Equal((11, 10), (p.Event.EventCode, p.Event.Volume)));
    }

    [Fact]
    public void Generated_packets_should_serialise_as_rtp_with_a_four_byte_event()
    {
        var packet = DtmfGenerator.Generate('4', new RtpHeader(96, 1, 2, 3))[0];

        var bytes = packet.ToArray();

        Assert.Equal(16, bytes.Length);
        Assert.True(RtpPacket.TryParse(bytes, out var parsed));
        Assert.True(TelephoneEvent.TryParse(parsed.Payload, out var telephoneEvent));
        Assert.Equal(packet.Event, telephoneEvent);
    }

    [Fact]
    public void Generator_should_honour_duration_interval_and_repeats()
    {
        var options = new DtmfSendOptions(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), Volume: 0, EndRepeats: 1);

        var packets = DtmfGenerator.Generate('1', new RtpHeader(101, 0, 0, 0), options);

        var only = Assert.Single(packets);
        Assert.True(only.Event.End);
        Assert.True(only.Header.Marker);
        Assert.Equal(400, only.Event.Duration);
    }

    [Fact]
    public void Generator_should_reject_what_cannot_be_sent()
    {
        var header = new RtpHeader(101, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => DtmfGenerator.Generate('x', header));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DtmfGenerator.Generate('1', header, DtmfSendOptions.Default with { Duration = TimeSpan.FromSeconds(9) }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DtmfGenerator.Generate('1', header, DtmfSendOptions.Default with { Volume = 64 }));
    }
}
