using System.Net;
using CallCenter.Sip.Sdp;
using CsCheck;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpNegotiatorAnswerSpec
{
    internal static readonly LocalAudioOptions Local = new() { Address = IPAddress.Parse("192.0.2.10"), RtpPort = 30000 };

    internal static readonly SdpOrigin Ours = SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 4242, "callcenter");

    internal static SessionDescription Offer(string media, string sessionExtra = "", string connection = "c=IN IP4 10.0.0.5\r\n") =>
        SdpParserSpec.Parse("v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\n" + connection + "t=0 0\r\n" + sessionExtra + media);

    private static AnswerResult.Accepted Accept(SessionDescription offer, LocalAudioOptions? local = null) =>
        Assert.IsType<AnswerResult.Accepted>(SdpNegotiator.CreateAnswer(offer, local ?? Local, Ours));

    private static NegotiationFailure Refuse(SessionDescription offer, LocalAudioOptions? local = null) =>
        Assert.IsType<AnswerResult.Rejected>(SdpNegotiator.CreateAnswer(offer, local ?? Local, Ours)).Failure;

    [Fact]
    public void Answer_should_accept_a_pcma_only_offer_with_pcma()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 8\r\n"));

        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), accepted.Audio.Codec);
        Assert.Null(accepted.Audio.TelephoneEventPayloadType);
        var media = Assert.Single(accepted.Answer.Media);
        Assert.Equal(["8"], media.Formats);
        Assert.Equal(30000, media.Port);
        Assert.Equal("RTP/AVP", media.Protocol);
        Assert.Equal(
            [new SdpAttribute("rtpmap", "8 PCMA/8000"), new SdpAttribute("ptime", "20"), new SdpAttribute("sendrecv")],
            media.Attributes);
    }

    [Fact]
    public void Answer_should_be_a_complete_description_from_our_address()
    {
        var answer = Accept(Offer("m=audio 4000 RTP/AVP 0\r\n")).Answer;

        Assert.Equal(
            "v=0\r\n" +
            "o=callcenter 4242 4242 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 30000 RTP/AVP 0\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            answer.ToString());
    }

    [Theory]
    [InlineData(CodecPreference.Local, 0)]
    [InlineData(CodecPreference.Offerer, 8)]
    public void Answer_should_pick_between_pcmu_and_pcma_by_the_configured_preference(CodecPreference preference, int expected)
    {
        var offer = Offer("m=audio 4000 RTP/AVP 8 0\r\n");

        var accepted = Accept(offer, Local with { Preference = preference });

        Assert.Equal(expected, accepted.Audio.Codec.PayloadType);
        Assert.Equal([expected.ToString(System.Globalization.CultureInfo.InvariantCulture)], accepted.Answer.Media[0].Formats);
    }

    [Fact]
    public void Answer_should_follow_local_order_when_pcma_is_preferred_locally()
    {
        var local = Local with { Codecs = [AudioCodec.Pcma, AudioCodec.Pcmu] };

        Assert.Equal("PCMA", Accept(Offer("m=audio 4000 RTP/AVP 0 8\r\n"), local).Audio.Codec.EncodingName);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(96)]
    [InlineData(127)]
    public void Answer_should_reuse_the_offer_payload_number_for_telephone_event(int payload)
    {
        var offer = Offer(
            $"m=audio 4000 RTP/AVP 0 {payload}\r\na=rtpmap:{payload} telephone-event/8000\r\na=fmtp:{payload} 0-16\r\n");

        var accepted = Accept(offer);

        Assert.Equal(payload, accepted.Audio.TelephoneEventPayloadType);
        var media = accepted.Answer.Media[0];
        Assert.Equal(["0", payload.ToString(System.Globalization.CultureInfo.InvariantCulture)], media.Formats);
        Assert.Equal(new SdpRtpMap(payload, "telephone-event", 8000), media.Attributes.RtpMap(payload));
        Assert.Equal(new SdpFmtp(payload.ToString(System.Globalization.CultureInfo.InvariantCulture), "0-15"), media.FindFmtp(payload.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Answer_should_pick_the_telephone_event_whose_clock_matches_the_voice_codec()
    {
        var accepted = Accept(SdpParserSpec.Parse(SdpSamples.LinphoneOffer));

        Assert.Equal(0, accepted.Audio.Codec.PayloadType);
        Assert.Equal(101, accepted.Audio.TelephoneEventPayloadType);
        Assert.Equal(["0", "101"], accepted.Answer.Media[0].Formats);
        Assert.Equal(new RtpEndpoint("192.168.1.10", 7078), accepted.Audio.RemoteRtp);
        Assert.Equal(new RtpEndpoint("192.168.1.10", 7079), accepted.Audio.RemoteRtcp);
    }

    [Fact]
    public void Answer_should_leave_out_telephone_event_when_we_do_not_support_it()
    {
        var accepted = Accept(SdpParserSpec.Parse(SdpSamples.BaresipOffer), Local with { TelephoneEvent = null });

        Assert.Null(accepted.Audio.TelephoneEventPayloadType);
        Assert.Equal(["0"], accepted.Answer.Media[0].Formats);
    }

    [Fact]
    public void Answer_should_list_only_formats_from_the_offer()
    {
        var offer = SdpParserSpec.Parse(SdpSamples.BaresipOffer);

        var answered = Accept(offer).Answer.Media[0].Formats;

        Assert.All(answered, format => Assert.Contains(format, offer.Media[0].Formats));
        Assert.Equal(["0", "101"], answered);
    }

    [Fact]
    public void Answer_should_refuse_video_with_port_zero_and_keep_its_place()
    {
        var offer = Offer(
            "m=video 5000 RTP/AVP 31 34\r\na=rtpmap:31 H261/90000\r\n" +
            "m=audio 4000 RTP/AVP 0\r\n" +
            "m=application 6000 UDP/BFCP *\r\n");

        var accepted = Accept(offer);

        Assert.Equal(["video", "audio", "application"], accepted.Answer.Media.Select(m => m.Media));
        Assert.Equal([0, 30000, 0], accepted.Answer.Media.Select(m => m.Port));
        Assert.Equal(["31", "34"], accepted.Answer.Media[0].Formats);
        Assert.Empty(accepted.Answer.Media[0].Attributes);
        Assert.Equal("UDP/BFCP", accepted.Answer.Media[2].Protocol);
        Assert.Equal(1, accepted.Audio.MediaIndex);
    }

    [Fact]
    public void Answer_should_fail_with_no_common_codec_when_only_unknown_codecs_are_offered()
    {
        var failure = Refuse(Offer("m=audio 4000 RTP/AVP 18 96\r\na=rtpmap:96 opus/48000/2\r\n"));

        Assert.Equal(NegotiationFailureReason.NoCommonCodec, failure.Reason);
        Assert.Contains("18 96", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_should_not_take_telephone_event_alone_as_a_codec() =>
        Assert.Equal(
            NegotiationFailureReason.NoCommonCodec,
            Refuse(Offer("m=audio 4000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\n")).Reason);

    [Fact]
    public void Answer_should_not_take_a_codec_at_another_clock_rate() =>
        Assert.Equal(
            NegotiationFailureReason.NoCommonCodec,
            Refuse(Offer("m=audio 4000 RTP/AVP 96\r\na=rtpmap:96 PCMU/16000\r\n")).Reason);

    [Theory]
    [InlineData("RTP/SAVP")]
    [InlineData("UDP/TLS/RTP/SAVPF")]
    public void Answer_should_fail_when_audio_uses_a_protocol_we_do_not_speak(string protocol) =>
        Assert.Equal(NegotiationFailureReason.UnsupportedProtocol, Refuse(Offer($"m=audio 4000 {protocol} 0\r\n")).Reason);

    [Fact]
    public void Answer_should_fail_when_audio_is_multicast() =>
        Assert.Equal(
            NegotiationFailureReason.UnsupportedConnection,
            Refuse(Offer("m=audio 4000 RTP/AVP 0\r\n", connection: "c=IN IP4 224.2.1.1/127\r\n")).Reason);

    [Fact]
    public void Answer_should_fail_with_no_audio_stream_for_a_video_only_offer() =>
        Assert.Equal(NegotiationFailureReason.NoAudioStream, Refuse(Offer("m=video 5000 RTP/AVP 31\r\n")).Reason);

    [Fact]
    public void Answer_should_keep_a_disabled_audio_stream_disabled()
    {
        var accepted = Accept(Offer("m=audio 0 RTP/AVP 0\r\nm=audio 4000 RTP/AVP 8\r\n"));

        Assert.Equal([0, 30000], accepted.Answer.Media.Select(m => m.Port));
        Assert.Equal(1, accepted.Audio.MediaIndex);
        Assert.Equal(NegotiationFailureReason.NoAudioStream, Refuse(Offer("m=audio 0 RTP/AVP 0\r\n")).Reason);
    }

    [Fact]
    public void Answer_should_accept_the_first_usable_of_two_audio_lines_and_refuse_the_other()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 0\r\nm=audio 4002 RTP/AVP 8\r\n"));

        Assert.Equal([30000, 0], accepted.Answer.Media.Select(m => m.Port));
        Assert.Equal(0, accepted.Audio.MediaIndex);
        Assert.Equal(4000, accepted.Audio.RemoteRtp.Port);
    }

    [Fact]
    public void Answer_should_accept_the_second_audio_line_when_the_first_has_no_common_codec()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 18\r\nm=audio 4002 RTP/AVP 8\r\n"));

        Assert.Equal([0, 30000], accepted.Answer.Media.Select(m => m.Port));
        Assert.Equal(1, accepted.Audio.MediaIndex);
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), accepted.Audio.Codec);
        Assert.Equal(4002, accepted.Audio.RemoteRtp.Port);
    }

    [Fact]
    public void Answer_should_report_the_first_audio_line_reason_and_every_line_in_the_detail()
    {
        var failure = Refuse(Offer("m=audio 4000 RTP/SAVP 0\r\nm=audio 4002 RTP/AVP 18\r\n"));

        Assert.Equal(NegotiationFailureReason.UnsupportedProtocol, failure.Reason);
        Assert.Contains("m= line 0", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("m= line 1", failure.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, false)]
    [InlineData("sendonly", SdpDirection.RecvOnly, true)]
    [InlineData("recvonly", SdpDirection.SendOnly, false)]
    [InlineData("inactive", SdpDirection.Inactive, true)]
    public void Answer_should_mirror_the_offered_direction(string offered, SdpDirection answered, bool onHold)
    {
        var accepted = Accept(Offer($"m=audio 4000 RTP/AVP 0\r\na={offered}\r\n"));

        Assert.Equal(answered, accepted.Answer.Media[0].ExplicitDirection);
        Assert.Equal(answered, accepted.Audio.LocalDirection);
        Assert.Equal(onHold, accepted.Audio.IsOnHold);
        Assert.False(accepted.Audio.IsLegacyHold);
    }

    [Fact]
    public void Answer_should_read_a_session_level_direction_for_the_stream()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 0\r\n", sessionExtra: "a=sendonly\r\n"));

        Assert.Equal(SdpDirection.RecvOnly, accepted.Audio.LocalDirection);
        Assert.True(accepted.Audio.IsOnHold);
    }

    [Theory]
    [InlineData(SdpDirection.SendOnly, "sendrecv", SdpDirection.SendOnly)]
    [InlineData(SdpDirection.SendOnly, "sendonly", SdpDirection.Inactive)]
    [InlineData(SdpDirection.Inactive, "sendrecv", SdpDirection.Inactive)]
    [InlineData(SdpDirection.RecvOnly, "sendonly", SdpDirection.RecvOnly)]
    public void Answer_should_never_allow_more_than_we_want(SdpDirection ours, string offered, SdpDirection answered) =>
        Assert.Equal(
            answered,
            Accept(Offer($"m=audio 4000 RTP/AVP 0\r\na={offered}\r\n"), Local with { Direction = ours }).Audio.LocalDirection);

    [Fact]
    public void Answer_should_recognise_legacy_hold_by_a_zero_connection_address()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 0\r\n", connection: "c=IN IP4 0.0.0.0\r\n"));

        Assert.True(accepted.Audio.IsOnHold);
        Assert.True(accepted.Audio.IsLegacyHold);
        Assert.Equal(SdpDirection.SendOnly, accepted.Audio.RemoteDirection);
        Assert.Equal(SdpDirection.RecvOnly, accepted.Answer.Media[0].ExplicitDirection);
        Assert.Equal(30000, accepted.Answer.Media[0].Port);
    }

    [Fact]
    public void Answer_should_take_the_remote_endpoint_from_media_connection_before_session_connection()
    {
        var accepted = Accept(SdpParserSpec.Parse(SdpSamples.MixedConnections));

        Assert.Equal(new RtpEndpoint("10.2.2.2", 4000), accepted.Audio.RemoteRtp);
        Assert.Equal(new RtpEndpoint("10.2.2.2", 4001), accepted.Audio.RemoteRtcp);
        Assert.True(accepted.Audio.RemoteRtp.TryGetIPEndPoint(out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.2.2.2"), 4000), endPoint);
    }

    [Fact]
    public void Answer_should_read_an_ipv6_offer()
    {
        var accepted = Accept(SdpParserSpec.Parse(SdpSamples.Ipv6Offer));

        Assert.Equal(new RtpEndpoint("2001:db8::10", 49170), accepted.Audio.RemoteRtp);
        Assert.Equal("[2001:db8::10]:49170", accepted.Audio.RemoteRtp.ToString());
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), accepted.Audio.Codec);
        Assert.Equal(96, accepted.Audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Answer_should_report_the_remote_ptime_and_use_our_own()
    {
        var accepted = Accept(Offer("m=audio 4000 RTP/AVP 0\r\na=ptime:30\r\n"), Local with { Ptime = 40 });

        Assert.Equal(30, accepted.Audio.RemotePtime);
        Assert.Equal(40, accepted.Answer.Media[0].Ptime);
    }

    [Fact]
    public void Answer_should_copy_the_offer_timing()
    {
        var offer = Offer("m=audio 4000 RTP/AVP 0\r\n") with { Timings = [new SdpTiming(3000000000, 3000003600)] };

        Assert.Equal(offer.Timings, Accept(offer).Answer.Timings);
    }

    [Fact]
    public void Answer_text_should_parse_back_to_the_same_answer()
    {
        var answer = Accept(SdpParserSpec.Parse(SdpSamples.BaresipOffer)).Answer;

        Assert.Equal(answer, SdpParserSpec.Parse(answer.ToString()));
    }

    [Fact]
    public void Answer_should_never_fail_to_return_a_result_for_any_offer() =>
        SdpGenerators.Session.Sample(offer =>
        {
            var result = SdpNegotiator.CreateAnswer(offer, Local, Ours);
            if (result is AnswerResult.Accepted accepted)
            {
                CheckAnswer(offer, accepted);
            }
        });

    [Fact]
    public void Answer_should_keep_one_line_per_offered_line_and_obey_rfc_3264_for_realistic_offers()
    {
        var accepted = 0;
        SdpGenerators.RealisticOffer.Sample(offer =>
        {
            switch (SdpNegotiator.CreateAnswer(offer, Local, Ours))
            {
                case AnswerResult.Accepted result:
                    Interlocked.Increment(ref accepted);
                    CheckAnswer(offer, result);
                    break;
                case AnswerResult.Rejected rejected:
                    Assert.False(string.IsNullOrEmpty(rejected.Failure.Detail));
                    Assert.DoesNotContain(offer.Media, m => m.IsAudio && !m.IsRefused && m.Protocol == "RTP/AVP"
                        && m.Formats.Any(f => m.TryResolveRtpFormat(f, out var map) && (AudioCodec.Pcmu.Matches(map) || AudioCodec.Pcma.Matches(map))));
                    break;
            }
        }, iter: 2_000);

        // The generator must reach the accepting path often, or the invariants above test nothing.
        Assert.InRange(accepted, 200, 2_000);
    }

    private static void CheckAnswer(SessionDescription offer, AnswerResult.Accepted accepted)
    {
        var answer = accepted.Answer;
        var audio = accepted.Audio;
        Assert.Equal(offer.Media.Select(m => (m.Media, m.Protocol)), answer.Media.Select(m => (m.Media, m.Protocol)));
        Assert.Single(answer.Media, m => m.Port != 0);
        Assert.All(answer.Media.Where((m, i) => offer.Media[i].IsRefused), m => Assert.Equal(0, m.Port));

        var offered = offer.Media[audio.MediaIndex];
        var ours = answer.Media[audio.MediaIndex];
        Assert.Equal(Local.RtpPort, ours.Port);
        Assert.All(ours.Formats, f => Assert.Contains(f, offered.Formats));
        Assert.True(offered.TryResolveRtpFormat(ours.Formats[0], out var voice));
        Assert.Equal(voice, audio.Codec);
        if (audio.TelephoneEventPayloadType is { } events)
        {
            Assert.True(offered.TryResolveRtpFormat(ours.Formats[1], out var eventMap));
            Assert.Equal(new SdpRtpMap(events, "telephone-event", 8000), eventMap);
        }

        var remote = offer.DirectionOf(offered);
        var zeroAddress = offer.ConnectionOf(offered)!.IsUnspecified;
        Assert.Equal(remote.CanSend(), ours.ExplicitDirection!.Value.CanReceive());
        Assert.Equal(remote.CanReceive() && !zeroAddress, ours.ExplicitDirection.Value.CanSend());
        Assert.Equal(offer.Timings, answer.Timings);
        Assert.True(SdpParser.TryParse(answer.ToString(), out var reparsed, out _));
        Assert.Equal(answer, reparsed);
    }
}
