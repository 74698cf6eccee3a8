using System.Net;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpNegotiatorOfferSpec
{
    private static readonly LocalAudioOptions Local = SdpNegotiatorAnswerSpec.Local;

    private static SessionDescription OurOffer(LocalAudioOptions? local = null) =>
        SdpNegotiator.CreateOffer(local ?? Local, SdpNegotiatorAnswerSpec.Ours);

    private static SessionDescription AgentAnswer(string media, string connection = "c=IN IP4 10.9.9.9\r\n") =>
        SdpParserSpec.Parse("v=0\r\no=agent 9 9 IN IP4 10.9.9.9\r\ns=-\r\n" + connection + "t=0 0\r\n" + media);

    private static NegotiatedAudio Agreed(SessionDescription answer, SessionDescription? offer = null) =>
        Assert.IsType<NegotiationResult.Agreed>(SdpNegotiator.ReadAnswer(offer ?? OurOffer(), answer)).Audio;

    private static NegotiationFailure Failed(SessionDescription answer) =>
        Assert.IsType<NegotiationResult.Failed>(SdpNegotiator.ReadAnswer(OurOffer(), answer)).Failure;

    [Fact]
    public void Offer_should_list_our_codecs_telephone_event_ptime_and_direction() =>
        Assert.Equal(
            "v=0\r\n" +
            "o=callcenter 4242 4242 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 30000 RTP/AVP 0 8 101\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-15\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            OurOffer().ToString());

    [Fact]
    public void Offer_should_use_ipv6_connection_and_the_requested_direction()
    {
        var offer = OurOffer(Local with { Address = IPAddress.Parse("2001:db8::20"), Direction = SdpDirection.SendOnly });

        Assert.Equal(new SdpConnection("IN", "IP6", "2001:db8::20"), offer.Connection);
        Assert.Equal(SdpDirection.SendOnly, offer.Media[0].ExplicitDirection);
    }

    [Fact]
    public void Offer_should_be_answerable_by_our_own_negotiator_with_the_same_codec()
    {
        var offer = OurOffer();
        var agentSide = Local with { Address = IPAddress.Parse("10.9.9.9"), RtpPort = 40000, Codecs = [AudioCodec.Pcma] };

        var answered = Assert.IsType<AnswerResult.Accepted>(
            SdpNegotiator.CreateAnswer(offer, agentSide, SdpOrigin.Create(IPAddress.Parse("10.9.9.9"), 9)));
        var audio = Agreed(answered.Answer, offer);

        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), audio.Codec);
        Assert.Equal(answered.Audio.Codec, audio.Codec);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(new RtpEndpoint("10.9.9.9", 40000), audio.RemoteRtp);
        Assert.Equal(new RtpEndpoint("192.0.2.10", 30000), answered.Audio.RemoteRtp);
    }

    [Fact]
    public void ReadAnswer_should_report_codec_events_endpoint_and_direction()
    {
        var audio = Agreed(AgentAnswer(
            "m=audio 5004 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n"));

        Assert.Equal(0, audio.MediaIndex);
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), audio.Codec);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(new RtpEndpoint("10.9.9.9", 5004), audio.RemoteRtp);
        Assert.Equal(new RtpEndpoint("10.9.9.9", 5005), audio.RemoteRtcp);
        Assert.Equal(SdpDirection.SendRecv, audio.RemoteDirection);
        Assert.Equal(SdpDirection.SendRecv, audio.LocalDirection);
        Assert.Equal(20, audio.RemotePtime);
        Assert.False(audio.IsOnHold);
    }

    [Fact]
    public void ReadAnswer_should_find_telephone_event_through_our_rtpmap_when_the_answer_omits_it()
    {
        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0 101\r\n"));

        Assert.Equal(0, audio.Codec.PayloadType);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void ReadAnswer_should_use_the_answer_payload_number_when_it_renumbers_telephone_event()
    {
        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0 96\r\na=rtpmap:96 telephone-event/8000\r\n"));

        Assert.Equal(96, audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void ReadAnswer_should_report_no_telephone_event_when_we_did_not_offer_it()
    {
        var offer = OurOffer(Local with { TelephoneEvent = null });

        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"), offer);

        Assert.Null(audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void ReadAnswer_should_report_hold_when_the_agent_answers_sendonly()
    {
        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0\r\na=sendonly\r\n"));

        Assert.True(audio.IsOnHold);
        Assert.Equal(SdpDirection.RecvOnly, audio.LocalDirection);
    }

    [Fact]
    public void ReadAnswer_should_treat_a_zero_address_as_hold()
    {
        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0\r\n", connection: "c=IN IP4 0.0.0.0\r\n"));

        Assert.True(audio.IsLegacyHold);
        Assert.True(audio.IsOnHold);
        Assert.Equal(SdpDirection.RecvOnly, audio.LocalDirection);
    }

    [Fact]
    public void ReadAnswer_should_keep_our_hold_when_we_offered_sendonly()
    {
        var offer = OurOffer(Local with { Direction = SdpDirection.SendOnly });

        var audio = Agreed(AgentAnswer("m=audio 5004 RTP/AVP 0\r\na=recvonly\r\n"), offer);

        Assert.Equal(SdpDirection.SendOnly, audio.LocalDirection);
        Assert.False(audio.IsOnHold);
    }

    [Fact]
    public void ReadAnswer_should_fail_when_the_agent_refuses_the_audio_stream() =>
        Assert.Equal(NegotiationFailureReason.StreamRefused, Failed(AgentAnswer("m=audio 0 RTP/AVP 0\r\n")).Reason);

    [Fact]
    public void ReadAnswer_should_fail_when_the_line_counts_differ() =>
        Assert.Equal(
            NegotiationFailureReason.StreamMismatch,
            Failed(AgentAnswer("m=audio 5004 RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n")).Reason);

    [Fact]
    public void ReadAnswer_should_fail_when_the_line_changes_media_type() =>
        Assert.Equal(NegotiationFailureReason.StreamMismatch, Failed(AgentAnswer("m=video 5004 RTP/AVP 31\r\n")).Reason);

    [Fact]
    public void ReadAnswer_should_fail_when_the_answer_has_none_of_our_codecs() =>
        Assert.Equal(
            NegotiationFailureReason.NoCommonCodec,
            Failed(AgentAnswer("m=audio 5004 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n")).Reason);

    [Fact]
    public void ReadAnswer_should_fail_when_our_offer_had_no_audio()
    {
        var offer = OurOffer() with { Media = [OurOffer().Media[0] with { Port = 0 }] };

        var result = SdpNegotiator.ReadAnswer(offer, AgentAnswer("m=audio 0 RTP/AVP 0\r\n"));

        Assert.Equal(NegotiationFailureReason.NoAudioStream, Assert.IsType<NegotiationResult.Failed>(result).Failure.Reason);
    }
}
