using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

// A caller's INVITE without SDP (RFC 3261 §13.2.1): our offer in the 200, its answer in the ACK.
public sealed partial class CallLegsActorSpec
{
    [Fact]
    public async Task CallLegs_should_offer_the_relays_audio_in_the_200_to_an_invite_without_sdp_and_take_the_answer_from_the_ack()
    {
        var legs = Start(Incoming(OfferlessInvite()));
        await _calls.ExpectMsgAsync<CallCommands.Receive>();

        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        legs.Tell(new SipInbound.Request(AckFor(ok, "m=audio 4000 RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000")));

        Assert.Equal(200, ok.StatusCode);
        Assert.True(SdpParser.TryParse(ok.BodyText, out var offer, out _));
        Assert.Equal(["0", "8", "101"], offer.Media[0].Formats.ToArray());
        Assert.Equal("10.0.0.1", offer.Connection!.Address);
        Assert.True(_ports.IsInUse(offer.Media[0].Port));
        await _calls.ExpectMsgAsync<CustomerAnswered>();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("m=audio 4000 RTP/AVP 18\na=rtpmap:18 G729/8000")]
    public async Task CallLegs_should_hang_up_a_delayed_offer_call_whose_ack_has_no_usable_answer_as_failed(string? answer)
    {
        var legs = Start(Incoming(OfferlessInvite()));
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;

        legs.Tell(new SipInbound.Request(AckFor(ok, answer)));

        var bye = await ExpectMsgAsync<SipOutbound.SendRequest>();
        Assert.Equal(("BYE", "customer-1@10.0.0.5"), (bye.Request.Method, bye.Request.CallId));
        Assert.Contains("SDP answer", (await _calls.ExpectMsgAsync<MediaFailed>()).Reason, StringComparison.Ordinal);
        legs.Tell(new HangUpCustomer(Call, CallDisposition.Failed));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_refuse_an_invite_whose_body_is_not_sdp_with_488()
    {
        var invite = Incoming(Parse(OfferlessText("Content-Type: text/plain\nContent-Length: 5\n\nhello")));

        Start(invite);

        Assert.Equal(488, (await ExpectMsgAsync<SipOutbound.Respond>()).Response.StatusCode);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private static SipRequest OfferlessInvite() => Parse(OfferlessText("Content-Length: 0\n\n"));

    private static string OfferlessText(string tail) => CustomerInviteHeaders + tail;

    /// <summary>The caller's ACK for our 200, with <paramref name="media"/> as its SDP answer (none when null).</summary>
    private static IncomingRequest AckFor(SipResponse ok, string? media)
    {
        var ack = InDialog(ok, "ACK", 1);
        if (media is not null)
        {
            var sdp = $"v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n{media}\n".ReplaceLineEndings("\r\n");
            ack = ack.WithBody("application/sdp", System.Text.Encoding.UTF8.GetBytes(sdp));
        }

        return new IncomingRequest(ack, null, Phone, GatewayText.Gateway);
    }
}
