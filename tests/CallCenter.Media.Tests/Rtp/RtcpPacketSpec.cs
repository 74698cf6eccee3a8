using CallCenter.Media.Rtp;
using CsCheck;

namespace CallCenter.Media.Tests.Rtp;

public sealed class RtcpPacketSpec
{
    // An empty receiver report (SSRC 0x11223344) followed by an SDES chunk with one CNAME item of 2 characters.
    private static readonly byte[] Compound =
    [
        0x80, 201, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44,
        0x81, 202, 0x00, 0x02, 0x11, 0x22, 0x33, 0x44, 0x01, 0x02, (byte)'a', (byte)'b',
    ];

    [Fact]
    public void Validation_should_accept_a_compound_report_and_give_the_sender()
    {
        Assert.True(RtcpPacket.LooksLikeRtcp(Compound));
        Assert.True(RtcpPacket.TryValidate(Compound, out var ssrc));
        Assert.Equal(0x11223344u, ssrc);
    }

    [Fact]
    public void Validation_should_reject_parts_that_overrun_or_stop_short()
    {
        Assert.False(RtcpPacket.TryValidate(Compound.AsSpan(0, Compound.Length - 1), out _));
        Assert.False(RtcpPacket.TryValidate([.. Compound, 0, 0, 0, 0], out _));
    }

    [Fact]
    public void Validation_should_reject_a_first_part_that_is_not_a_report()
    {
        var sdesFirst = Compound[8..];
        Assert.False(RtcpPacket.TryValidate(sdesFirst, out _));
    }

    [Fact]
    public void Validation_should_reject_padding_before_the_last_part()
    {
        var padded = Compound.ToArray();
        padded[0] |= 0x20;
        Assert.False(RtcpPacket.TryValidate(padded, out _));
    }

    [Fact]
    public void LooksLikeRtcp_should_be_false_for_every_rtp_payload_type_outside_the_rtcp_range()
    {
        for (var pt = 0; pt < 128; pt++)
        {
            byte[] rtp = [0x80, (byte)pt, 0, 0];
            byte[] marked = [0x80, (byte)(0x80 | pt), 0, 0];
            Assert.False(RtcpPacket.LooksLikeRtcp(rtp));
            Assert.Equal(pt is >= 64 and <= 95, RtcpPacket.LooksLikeRtcp(marked));
        }
    }

    [Fact]
    public void Validation_should_never_throw_on_random_bytes()
    {
        Gen.Byte.Array[0, 64].Sample(bytes => { _ = RtcpPacket.TryValidate(bytes, out _); }, iter: 20_000);
    }
}
