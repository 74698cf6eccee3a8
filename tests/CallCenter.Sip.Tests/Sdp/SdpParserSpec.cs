using System.Text;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpParserSpec
{
    internal static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var session, out var error), error?.ToString());
        return session;
    }

    [Fact]
    public void Parser_should_read_every_field_of_the_sipp_uac_offer()
    {
        var session = Parse(SdpSamples.SippUac);

        Assert.Equal(new SdpOrigin("user1", "53655765", 2353687637, "IN", "IP4", "127.0.0.1"), session.Origin);
        Assert.Equal("-", session.SessionName);
        Assert.Equal(new SdpConnection("IN", "IP4", "127.0.0.1"), session.Connection);
        Assert.Equal([SdpTiming.Unbounded], session.Timings);
        var audio = Assert.Single(session.Media);
        Assert.Equal("audio", audio.Media);
        Assert.Equal(6000, audio.Port);
        Assert.Null(audio.PortCount);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["0"], audio.Formats);
        Assert.Equal([new SdpAttribute("rtpmap", "0 PCMU/8000")], audio.Attributes);
        Assert.Equal(new SdpRtpMap(0, "PCMU", 8000), Assert.Single(audio.RtpMaps));
        Assert.Null(audio.ExplicitDirection);
        Assert.Equal(SdpDirection.SendRecv, session.DirectionOf(audio));
    }

    [Fact]
    public void Parser_should_read_a_softphone_offer_with_several_codecs_and_telephone_event()
    {
        var audio = Parse(SdpSamples.BaresipOffer).Media[0];

        Assert.Equal(["96", "9", "0", "8", "101"], audio.Formats);
        Assert.Equal([new SdpBandwidth("AS", 64)], audio.Bandwidths);
        Assert.Equal(
            [
                new SdpRtpMap(96, "opus", 48000, 2),
                new SdpRtpMap(9, "G722", 8000),
                new SdpRtpMap(0, "PCMU", 8000),
                new SdpRtpMap(8, "PCMA", 8000),
                new SdpRtpMap(101, "telephone-event", 8000),
            ],
            audio.RtpMaps.ToList());
        Assert.Equal(new SdpFmtp("101", "0-15"), audio.FindFmtp("101"));
        Assert.Equal(new SdpFmtp("96", "stereo=1;sprop-stereo=1"), audio.FindFmtp("96"));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.ExplicitDirection);
        Assert.Equal(new SdpAttribute("rtcp-mux"), audio.Attributes[^1]);
    }

    [Fact]
    public void Parser_should_read_an_lf_only_offer_and_resolve_static_payloads_without_rtpmap()
    {
        var session = Parse(SdpSamples.LinphoneOffer);
        var audio = session.Media[0];

        Assert.Equal("Talk", session.SessionName);
        Assert.Equal("rtcp-xr", Assert.Single(session.Attributes).Name);
        Assert.Equal(9, audio.Formats.Count);
        Assert.True(audio.TryResolveRtpFormat("18", out var g729));
        Assert.Equal(new SdpRtpMap(18, "G729", 8000), g729);
        Assert.True(audio.TryResolveRtpFormat("101", out var events));
        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000), events);
        Assert.Equal(new SdpFmtp("18", "annexb=yes"), audio.FindFmtp("18"));
        Assert.Equal(new SdpRtcp(7079), audio.Rtcp);
    }

    [Fact]
    public void Parser_should_read_ipv6_connection_and_origin()
    {
        var session = Parse(SdpSamples.Ipv6Offer);

        Assert.Equal("IP6", session.Origin.AddressType);
        Assert.Equal("2001:db8::1", session.Origin.Address);
        var connection = session.ConnectionOf(session.Media[0]);
        Assert.NotNull(connection);
        Assert.Equal("IP6", connection.AddressType);
        Assert.True(connection.TryGetIPAddress(out var ip));
        Assert.Equal(System.Net.IPAddress.Parse("2001:db8::10"), ip);
    }

    [Fact]
    public void Parser_should_prefer_media_level_connection_over_session_level()
    {
        var session = Parse(SdpSamples.MixedConnections);

        Assert.Equal("10.2.2.2", session.ConnectionOf(session.Media[0])?.Address);
        Assert.Equal("10.1.1.1", session.ConnectionOf(session.Media[1])?.Address);
        Assert.Empty(session.Media[1].Connections);
    }

    [Fact]
    public void Parser_should_keep_every_session_level_field_of_the_rfc_example()
    {
        var session = Parse(SdpSamples.Rfc4566Example);

        Assert.Equal("SDP Seminar", session.SessionName);
        Assert.Equal("A Seminar on the session description protocol", session.Information);
        Assert.Equal("http://www.example.com/seminars/sdp.pdf", session.Uri);
        Assert.Equal(["j.doe@example.com (Jane Doe)"], session.Emails);
        Assert.Equal(["+1 617 555-6011"], session.Phones);
        Assert.Equal("224.2.17.12/127", session.Connection?.Address);
        Assert.Equal("224.2.17.12", session.Connection?.Host);
        Assert.True(session.Connection?.IsMulticast);
        Assert.Equal([new SdpBandwidth("CT", 128)], session.Bandwidths);
        Assert.Equal([new SdpTiming(2873397496, 2873404696, ["7d 1h 0 25h"])], session.Timings);
        Assert.Equal("2882844526 -1h 2898848070 0", session.TimeZones);
        Assert.Equal("prompt", session.EncryptionKey);
        Assert.Equal(SdpDirection.RecvOnly, session.ExplicitDirection);
        Assert.Equal(SdpDirection.RecvOnly, session.DirectionOf(session.Media[0]));
        Assert.Equal("voice", session.Media[0].Information);
        var video = session.Media[1];
        Assert.Equal(51372, video.Port);
        Assert.Equal(2, video.PortCount);
        Assert.Equal([new SdpBandwidth("AS", 256)], video.Bandwidths);
        Assert.Equal("clear:secret", video.EncryptionKey);
    }

    [Fact]
    public void Parser_should_give_the_same_result_for_text_and_utf8_bytes()
    {
        var fromText = Parse(SdpSamples.BaresipOffer);

        Assert.True(SdpParser.TryParse(Encoding.UTF8.GetBytes(SdpSamples.BaresipOffer), out var fromBytes, out _));
        Assert.Equal(fromText, fromBytes);
    }

    [Fact]
    public void Parser_should_tolerate_trailing_whitespace_blank_lines_and_a_byte_order_mark()
    {
        var sloppy = "\uFEFF" + SdpSamples.SippUac.Replace("\r\n", " \t\r\n", StringComparison.Ordinal) + "\r\n\r\n";

        Assert.Equal(Parse(SdpSamples.SippUac), Parse(sloppy));
    }

    [Fact]
    public void Parser_should_accept_lines_out_of_rfc_order_within_the_session_section()
    {
        const string reordered =
            "v=0\r\ns=-\r\nt=0 0\r\na=sendonly\r\nc=IN IP4 10.0.0.1\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n";

        var session = Parse(reordered);

        Assert.Equal("1", session.Origin.SessionId);
        Assert.Equal(SdpDirection.SendOnly, session.ExplicitDirection);
    }

    [Fact]
    public void Parser_should_keep_attributes_in_order_and_verbatim_including_empty_and_absent_values()
    {
        var session = Parse(
            "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\na=x-b\r\na=x-a:\r\na=x-c: spaced : value\r\n");

        Assert.Equal(
            [new SdpAttribute("x-b"), new SdpAttribute("x-a", string.Empty), new SdpAttribute("x-c", " spaced : value")],
            session.Media[0].Attributes);
    }

    [Fact]
    public void Parser_should_accept_a_refused_media_line_without_formats()
    {
        var session = Parse("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=video 0 RTP/AVP\r\n");

        Assert.True(session.Media[0].IsRefused);
        Assert.Empty(session.Media[0].Formats);
    }

    [Fact]
    public void Parser_should_read_an_empty_session_name_written_as_a_single_space()
    {
        var session = Parse("v=0\r\no=- 1 1 IN IP4 h\r\ns= \r\nt=0 0\r\n");

        Assert.Equal(string.Empty, session.SessionName);
        Assert.Contains("\r\ns= \r\n", SdpSerializer.Serialize(session), StringComparison.Ordinal);
    }
}
