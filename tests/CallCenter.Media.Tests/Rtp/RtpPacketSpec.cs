using CallCenter.Media.Rtp;
using CsCheck;

namespace CallCenter.Media.Tests.Rtp;

public sealed class RtpPacketSpec
{
    // Version 2, no padding/extension/CSRC; marker + PT 8; seq 0x1234; ts 0xDEADBEEF; SSRC 0x01020304; payload 3 bytes.
    private static readonly byte[] Minimal =
        [0x80, 0x88, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB, 0xCC];

    [Fact]
    public void Parser_should_read_every_fixed_header_field()
    {
        Assert.True(RtpPacket.TryParse(Minimal, out var packet, out var error));

        Assert.Equal(RtpParseError.None, error);
        Assert.Equal(2, packet.Version);
        Assert.False(packet.HasPadding);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.CsrcCount);
        Assert.True(packet.Marker);
        Assert.Equal(8, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(12, packet.HeaderLength);
        Assert.Equal([0xAA, 0xBB, 0xCC], packet.Payload.ToArray());
    }

    [Fact]
    public void Parser_should_accept_a_header_with_no_payload()
    {
        Assert.True(RtpPacket.TryParse(Minimal.AsSpan(0, 12), out var packet));
        Assert.Equal(0, packet.PayloadLength);
    }

    [Fact]
    public void Parser_should_skip_csrcs_and_extension_and_strip_padding()
    {
        byte[] datagram =
        [
            0xB2, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, // V=2 P X CC=2
            0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x0B,                         // CSRCs 10, 11
            0xBE, 0xDE, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44,                         // extension: profile, 1 word
            0x55, 0x66,                                                             // payload
            0x00, 0x00, 0x03,                                                       // padding of 3
        ];

        Assert.True(RtpPacket.TryParse(datagram, out var packet));

        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(10u, packet.GetCsrc(0));
        Assert.Equal(11u, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal([0x11, 0x22, 0x33, 0x44], packet.ExtensionData.ToArray());
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal([0x55, 0x66], packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0x00 }, RtpParseError.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.UnsupportedVersion)]
    [InlineData(new byte[] { 0xC0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x82, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpParseError.CsrcListTruncated)]
    [InlineData(new byte[] { 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE }, RtpParseError.ExtensionTruncated)]
    [InlineData(new byte[] { 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0x00, 0x02, 1, 2, 3, 4 }, RtpParseError.ExtensionTruncated)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAA, 0x00 }, RtpParseError.InvalidPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAA, 0x03 }, RtpParseError.InvalidPadding)]
    public void Parser_should_reject_a_datagram_whose_lengths_do_not_add_up(byte[] datagram, RtpParseError expected)
    {
        Assert.False(RtpPacket.TryParse(datagram, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parser_should_never_throw_on_random_bytes()
    {
        Gen.Byte.Array[0, 80].Sample(bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var packet))
            {
                // Everything a valid view promises must be readable without going out of range.
                Assert.InRange(packet.PayloadLength, 0, bytes.Length);
                _ = packet.ExtensionData.Length + packet.Payload.Length + packet.ExtensionProfile;
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Writer_and_parser_should_round_trip_every_field()
    {
        var generator =
            from header in Gen.Select(Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.Bool, (pt, seq, ts, ssrc, marker) => new RtpHeader(pt, seq, ts, ssrc, marker))
            from csrcs in Gen.UInt.Array[0, 15]
            from withExtension in Gen.Bool
            from profile in Gen.UShort
            from extensionWords in Gen.Int[0, 4]
            from extension in Gen.Byte.Array[extensionWords * 4]
            from payload in Gen.Byte.Array[0, 200]
            from padding in Gen.Int[0, 255]
            select (header, csrcs, withExtension, profile, extension, payload, padding);

        generator.Sample(c =>
        {
            var buffer = new byte[2048];
            var ext = c.withExtension ? new RtpExtension(c.profile, c.extension) : default;
            Assert.True(RtpPacketWriter.TryWrite(buffer, c.header, c.csrcs, ext, c.payload, c.padding, out var written));
            Assert.Equal(RtpPacketWriter.GetLength(c.payload.Length, c.csrcs.Length, c.withExtension ? c.extension.Length : -1, c.padding), written);

            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet));
            Assert.Equal(c.header, new RtpHeader(packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker));
            Assert.Equal(c.csrcs, Enumerable.Range(0, packet.CsrcCount).Select(i => GetCsrc(buffer.AsSpan(0, written), i)).ToArray());
            Assert.Equal(c.withExtension, packet.HasExtension);
            Assert.Equal(c.withExtension ? c.profile : 0, packet.ExtensionProfile);
            Assert.Equal(c.withExtension ? c.extension : [], packet.ExtensionData.ToArray());
            Assert.Equal(c.padding, packet.PaddingLength);
            Assert.Equal(c.payload, packet.Payload.ToArray());
        }, iter: 2_000);
    }

    [Fact]
    public void Writer_should_refuse_a_destination_that_is_too_small()
    {
        var header = new RtpHeader(0, 1, 2, 3);

        Assert.False(RtpPacketWriter.TryWrite(new byte[171], header, new byte[160], out var written));
        Assert.Equal(0, written);
        Assert.True(RtpPacketWriter.TryWrite(new byte[172], header, new byte[160], out written));
        Assert.Equal(172, written);
    }

    [Fact]
    public void Writer_should_reject_field_values_outside_the_header()
    {
        var buffer = new byte[100];
        Assert.Throws<ArgumentOutOfRangeException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(128, 0, 0, 0), [], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 0, 0, 0), new uint[16], default, [], 0, out _));
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 0, 0, 0), [], new RtpExtension(1, new byte[3]), [], 0, out _));
    }

    [Fact]
    public void SetPayloadType_should_keep_the_marker_and_everything_else()
    {
        var packet = Minimal.ToArray();

        RtpPacketWriter.SetPayloadType(packet, 96);

        Assert.True(RtpPacket.TryParse(packet, out var parsed));
        Assert.Equal(96, parsed.PayloadType);
        Assert.True(parsed.Marker);
        Assert.Equal(Minimal[2..], packet[2..]);
    }

    private static uint GetCsrc(ReadOnlySpan<byte> datagram, int index)
    {
        RtpPacket.TryParse(datagram, out var packet);
        return packet.GetCsrc(index);
    }
}
