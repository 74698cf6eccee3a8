using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

// re-INVITEs in an answered call: hold, resume and a codec the relay cannot take (RFC 3264 §8).
public sealed partial class CallLegsActorSpec
{
    private const string Pcma = "m=audio 4000 RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000";

    [Fact]
    public async Task CallLegs_should_answer_a_hold_with_recvonly_and_a_resume_with_sendrecv_each_in_a_new_sdp_version()
    {
        var (legs, ok) = await AnsweredCall();
        var first = Sdp(ok);

        var hold = Incoming(ReInvite(ok, 2, version: 2, $"{Pcma}\na=sendonly"));
        legs.Tell(new SipInbound.Request(hold));
        var held = await ExpectMsgAsync<SipOutbound.Respond>();
        legs.Tell(new SipInbound.Request(AckFor(held.Response, 2)));

        var resume = Incoming(ReInvite(ok, 3, version: 3, $"{Pcma}\na=sendrecv"));
        legs.Tell(new SipInbound.Request(resume));
        var resumed = await ExpectMsgAsync<SipOutbound.Respond>();

        Assert.Equal((hold.Transaction, 200), (held.Transaction, held.Response.StatusCode));
        Assert.Equal(SdpDirection.RecvOnly, Sdp(held.Response).DirectionOf(Sdp(held.Response).Media[0]));
        Assert.Equal(first.Origin.SessionVersion + 1UL, Sdp(held.Response).Origin.SessionVersion);
        Assert.Equal(first.Media[0].Port, Sdp(held.Response).Media[0].Port);
        Assert.Equal((resume.Transaction, 200), (resumed.Transaction, resumed.Response.StatusCode));
        Assert.Equal(SdpDirection.SendRecv, Sdp(resumed.Response).DirectionOf(Sdp(resumed.Response).Media[0]));
        Assert.Equal(first.Origin.SessionVersion + 2UL, Sdp(resumed.Response).Origin.SessionVersion);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_refuse_a_reinvite_without_a_usable_codec_with_488_and_keep_the_call()
    {
        var (legs, ok) = await AnsweredCall();

        var g729 = Incoming(ReInvite(ok, 2, version: 2, "m=audio 4000 RTP/AVP 18\na=rtpmap:18 G729/8000"));
        legs.Tell(new SipInbound.Request(g729));
        var refusal = await ExpectMsgAsync<SipOutbound.Respond>();
        var bye = Incoming(InDialog(ok, "BYE", 3));
        legs.Tell(new SipInbound.Request(bye));
        var byeAnswer = await ExpectMsgAsync<SipOutbound.Respond>();

        Assert.Equal((g729.Transaction, 488), (refusal.Transaction, refusal.Response.StatusCode));
        Assert.Equal((bye.Transaction, 200), (byeAnswer.Transaction, byeAnswer.Response.StatusCode));
        await _calls.ExpectMsgAsync<CustomerHungUp>();
    }

    private static SessionDescription Sdp(SipResponse response)
    {
        Assert.True(SdpParser.TryParse(response.BodyText, out var sdp, out var error), error?.ToString());
        return sdp;
    }

    private static IncomingRequest AckFor(SipResponse ok, int cseq) =>
        new(InDialog(ok, "ACK", cseq), null, Phone, GatewayText.Gateway);

    /// <summary>A re-INVITE from the customer with a new offer (its origin version moved on, §8).</summary>
    private static SipRequest ReInvite(SipResponse ok, int cseq, int version, string media)
    {
        var sdp = $"v=0\no=- 1 {version} IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n{media}\n".ReplaceLineEndings("\r\n");
        return Parse($"""
            INVITE sip:callcenter@10.0.0.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-reinvite-{cseq};rport
            Max-Forwards: 70
            From: "Alice Caller" <sip:alice@example.com>;tag=caller-1
            To: <sip:support@cc.example>;tag={ok.To!.Tag}
            Call-ID: customer-1@10.0.0.5
            CSeq: {cseq} INVITE
            Contact: <sip:alice@10.0.0.5:5062>
            Content-Type: application/sdp
            Content-Length: {System.Text.Encoding.UTF8.GetByteCount(sdp)}


            """ + sdp.ReplaceLineEndings("\n"));
    }
}
