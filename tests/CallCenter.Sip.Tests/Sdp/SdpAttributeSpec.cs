using System.Net;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpAttributeSpec
{
    [Theory]
    [InlineData("0 PCMU/8000", 0, "PCMU", 8000, null)]
    [InlineData("96 opus/48000/2", 96, "opus", 48000, 2)]
    [InlineData("101  telephone-event/8000 ", 101, "telephone-event", 8000, null)]
    [InlineData("127 L16/44100/1", 127, "L16", 44100, 1)]
    public void RtpMap_should_read_payload_encoding_clock_rate_and_channels(string value, int payload, string name, int clock, int? channels)
    {
        Assert.True(SdpRtpMap.TryParse(value, out var map));
        Assert.Equal(new SdpRtpMap(payload, name, clock, channels), map);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PCMU/8000")]
    [InlineData("128 PCMU/8000")]
    [InlineData("-1 PCMU/8000")]
    [InlineData("0 PCMU")]
    [InlineData("0 /8000")]
    [InlineData("0 PCMU/")]
    [InlineData("0 PCMU/0")]
    [InlineData("0 PCMU/8000/")]
    [InlineData("0 PCMU/8000/0")]
    [InlineData("0 PC MU/8000")]
    [InlineData("0 PCMU/8000/1/2")]
    public void RtpMap_should_reject_malformed_values(string value) =>
        Assert.False(SdpRtpMap.TryParse(value, out _));

    [Fact]
    public void RtpMap_should_write_channels_only_when_given() =>
        Assert.Equal(
            ["rtpmap:0 PCMU/8000", "rtpmap:96 opus/48000/2"],
            new[] { new SdpRtpMap(0, "PCMU", 8000), new SdpRtpMap(96, "opus", 48000, 2) }.Select(m => m.ToAttribute().ToString()));

    [Fact]
    public void RtpMap_should_compare_codecs_ignoring_encoding_case_and_defaulting_channels()
    {
        var map = new SdpRtpMap(8, "pcma", 8000);

        Assert.True(map.IsSameCodec("PCMA", 8000, 1));
        Assert.False(map.IsSameCodec("PCMA", 16000, 1));
        Assert.False(map.IsSameCodec("PCMA", 8000, 2));
    }

    [Theory]
    [InlineData("101 0-15", "101", "0-15")]
    [InlineData("96 stereo=1; sprop-stereo=1", "96", "stereo=1; sprop-stereo=1")]
    [InlineData("18", "18", "")]
    public void Fmtp_should_split_format_from_parameters(string value, string format, string parameters)
    {
        Assert.True(SdpFmtp.TryParse(value, out var fmtp));
        Assert.Equal(new SdpFmtp(format, parameters), fmtp);
    }

    [Theory]
    [InlineData("ptime:20", 20)]
    [InlineData("ptime:30 ", 30)]
    [InlineData("ptime:22.5", 23)]
    [InlineData("ptime:0", null)]
    [InlineData("ptime:-20", null)]
    [InlineData("ptime:twenty", null)]
    [InlineData("ptime", null)]
    public void Ptime_should_read_positive_numbers_only(string attribute, int? expected)
    {
        var media = MediaWith(attribute);

        Assert.Equal(expected, media.Ptime);
    }

    [Fact]
    public void RtpMap_lookup_should_skip_other_payload_types_and_malformed_maps_of_its_own()
    {
        var attributes = MediaWith("rtpmap:8 PCMA/8000", "rtpmap:101 broken", "rtpmap:101 telephone-event/8000", "rtpmap:1010 X/8000").Attributes;

        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000), attributes.RtpMap(101));
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), attributes.RtpMap(8));
        Assert.Null(attributes.RtpMap(10));
        Assert.Null(attributes.RtpMap(0));
    }

    [Fact]
    public void MaxPtime_should_be_read_independently_of_ptime()
    {
        var media = MediaWith("ptime:20", "maxptime:60");

        Assert.Equal(20, media.Ptime);
        Assert.Equal(60, media.MaxPtime);
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv)]
    [InlineData("sendonly", SdpDirection.SendOnly)]
    [InlineData("recvonly", SdpDirection.RecvOnly)]
    [InlineData("inactive", SdpDirection.Inactive)]
    [InlineData("SendOnly", SdpDirection.SendOnly)]
    public void Direction_should_be_read_from_its_attribute(string attribute, SdpDirection expected) =>
        Assert.Equal(expected, MediaWith("ptime:20", attribute).ExplicitDirection);

    [Fact]
    public void Direction_should_default_to_sendrecv_and_fall_back_to_the_session_level()
    {
        var media = MediaWith("ptime:20");
        var plain = Session(media);
        var held = plain with { Attributes = [new SdpAttribute("inactive")] };

        Assert.Null(media.ExplicitDirection);
        Assert.Equal(SdpDirection.SendRecv, plain.DirectionOf(media));
        Assert.Equal(SdpDirection.Inactive, held.DirectionOf(media));
        Assert.Equal(SdpDirection.SendOnly, held.DirectionOf(MediaWith("sendonly")));
    }

    [Fact]
    public void Direction_attribute_with_a_value_should_not_count_as_a_direction() =>
        Assert.Null(MediaWith("sendonly:yes").ExplicitDirection);

    [Theory]
    [InlineData(SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData(SdpDirection.SendOnly, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.RecvOnly, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.Inactive, SdpDirection.Inactive)]
    public void Direction_should_reverse_to_the_other_side_view(SdpDirection direction, SdpDirection reversed) =>
        Assert.Equal(reversed, direction.Reverse());

    [Fact]
    public void Rtcp_should_read_port_and_optional_address()
    {
        Assert.Equal(new SdpRtcp(53020), MediaWith("rtcp:53020").Rtcp);
        Assert.Equal(
            new SdpRtcp(53020, new SdpConnection("IN", "IP6", "2001:db8::1")),
            MediaWith("rtcp:53020 IN IP6 2001:db8::1").Rtcp);
        Assert.Null(MediaWith("rtcp:70000").Rtcp);
        Assert.Null(MediaWith("rtcp:5 IN IP4").Rtcp);
        Assert.Equal("rtcp:9 IN IP4 0.0.0.0", new SdpRtcp(9, new SdpConnection("IN", "IP4", "0.0.0.0")).ToAttribute().ToString());
    }

    [Fact]
    public void Static_payload_types_should_resolve_only_when_no_rtpmap_overrides_them()
    {
        var plain = MediaWith();
        var remapped = MediaWith("rtpmap:0 PCMA/8000");

        Assert.True(plain.TryResolveRtpFormat("0", out var pcmu));
        Assert.Equal("PCMU", pcmu.EncodingName);
        Assert.True(remapped.TryResolveRtpFormat("0", out var pcma));
        Assert.Equal("PCMA", pcma.EncodingName);
        Assert.False(plain.TryResolveRtpFormat("96", out _));
        Assert.False(plain.TryResolveRtpFormat("2", out _));
        Assert.False(plain.TryResolveRtpFormat("x", out _));
    }

    [Theory]
    [InlineData("0.0.0.0", true, false)]
    [InlineData("::", true, false)]
    [InlineData("10.0.0.1", false, false)]
    [InlineData("224.2.1.1/127/3", false, true)]
    [InlineData("ff0e::1", false, true)]
    [InlineData("pbx.example.com", false, false)]
    public void Connection_should_recognise_hold_and_multicast_addresses(string address, bool unspecified, bool multicast)
    {
        var connection = new SdpConnection("IN", address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", address);

        Assert.Equal(unspecified, connection.IsUnspecified);
        Assert.Equal(multicast, connection.IsMulticast);
    }

    [Fact]
    public void Connection_should_be_built_from_an_ip_address_with_its_family() =>
        Assert.Equal(
            [new SdpConnection("IN", "IP4", "192.0.2.1"), new SdpConnection("IN", "IP6", "2001:db8::1")],
            new[] { IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1") }.Select(SdpConnection.For));

    private static MediaDescription MediaWith(params string[] attributes) => new()
    {
        Media = "audio",
        Port = 4000,
        Protocol = "RTP/AVP",
        Formats = ["0"],
        Attributes = ValueList.From(attributes.Select(a =>
        {
            var colon = a.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? new SdpAttribute(a) : new SdpAttribute(a[..colon], a[(colon + 1)..]);
        })),
    };

    private static SessionDescription Session(MediaDescription media) => new()
    {
        Origin = new SdpOrigin("-", "1", 1, "IN", "IP4", "10.0.0.1"),
        Connection = new SdpConnection("IN", "IP4", "10.0.0.1"),
        Media = [media],
    };
}
