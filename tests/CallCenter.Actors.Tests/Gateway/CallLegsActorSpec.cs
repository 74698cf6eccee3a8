using System.Collections.Immutable;
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Legs;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Media.Relay;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>One call's SIP legs: the test actor is the gateway (it sees every SIP message the legs send), a probe the
/// calls parent (it sees the signalling events), the relay is real on loopback, and time is virtual.</summary>
public sealed partial class CallLegsActorSpec : ActorSpec
{
    private static readonly CallId Call = new("call-1");
    private static readonly AgentId Alice = new("alice");
    private readonly TestProbe _calls;
    private readonly PortAllocator _ports = new(41000, 41999);

    public CallLegsActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _calls = CreateTestProbe("calls");
    }

    [Fact]
    public async Task CallLegs_should_refuse_an_offer_without_a_common_codec_and_never_open_the_call()
    {
        var invite = Incoming(CustomerInvite("m=audio 4000 RTP/AVP 18\na=rtpmap:18 G729/8000"));

        Start(invite);

        var refusal = await ExpectMsgAsync<SipOutbound.Respond>();
        Assert.Equal((invite.Transaction, 488), (refusal.Transaction, refusal.Response.StatusCode));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, _ports.InUse);
    }

    [Fact]
    public async Task CallLegs_should_open_the_call_and_answer_with_the_relays_address_when_told()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite);

        var receive = await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;

        Assert.Equal((Call, new QueueId("support")), (receive.CallId, receive.QueueId));
        Assert.Equal("\"Alice Caller\" <sip:alice@example.com>", receive.From);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("<sip:callcenter@10.0.0.1:5060>", ok.Headers.First(SipHeaderNames.Contact));
        Assert.True(SdpParser.TryParse(ok.BodyText, out var answer, out _));
        Assert.Equal("10.0.0.1", answer.Connection!.Address);
        Assert.Equal(["8", "101"], answer.Media[0].Formats.ToArray());
        Assert.True(_ports.IsInUse(answer.Media[0].Port));
    }

    [Fact]
    public async Task CallLegs_should_repeat_the_200_until_the_ack_and_then_report_the_customer_answered()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;

        Advance(TimeSpan.FromMilliseconds(500));
        var again = await ExpectMsgAsync<SipOutbound.Respond>();
        legs.Tell(new SipInbound.Request(AckFor(ok)));
        Advance(TimeSpan.FromSeconds(2));

        Assert.Same(ok, again.Response);
        await _calls.ExpectMsgAsync<CustomerAnswered>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_report_a_cancel_before_the_answer_as_the_customer_hanging_up()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();

        legs.Tell(new SipInbound.Cancelled(invite.Transaction!, invite.Request));
        legs.Tell(new AnswerCustomer(Call));

        await _calls.ExpectMsgAsync<CustomerHungUp>();
        await ExpectMsgAsync<SipOutbound.Finished>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_answer_the_customers_bye_and_report_the_hang_up()
    {
        var (legs, ok) = await AnsweredCall();

        var bye = Incoming(InDialog(ok, "BYE", 2));
        legs.Tell(new SipInbound.Request(bye));

        var answer = await ExpectMsgAsync<SipOutbound.Respond>();
        Assert.Equal((bye.Transaction, 200), (answer.Transaction, answer.Response.StatusCode));
        await _calls.ExpectMsgAsync<CustomerHungUp>();
    }

    [Theory]
    [InlineData(CallDisposition.Timeout, 480)]
    [InlineData(CallDisposition.Rejected, 486)]
    [InlineData(CallDisposition.Failed, 503)]
    public async Task CallLegs_should_refuse_a_caller_the_call_ended_for_before_the_answer(CallDisposition disposition, int status)
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();

        legs.Tell(new HangUpCustomer(Call, disposition));

        Assert.Equal(status, (await ExpectMsgAsync<SipOutbound.Respond>()).Response.StatusCode);
    }

    [Fact]
    public async Task CallLegs_should_ring_the_agent_with_the_relays_offer_and_connect_it_when_it_answers()
    {
        var (legs, _) = await AnsweredCall();

        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var send = await ExpectMsgAsync<SipOutbound.SendRequest>();
        var invite = send.Request;
        legs.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 180)));
        await _calls.ExpectMsgAsync<AgentRinging>();
        legs.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 200)));

        Assert.Equal("INVITE sip:alice@10.0.0.7:5070", $"{invite.Method} {invite.RequestUri}");
        Assert.Equal("UDP:10.0.0.7:5070", send.Destination.ToString());
        Assert.Equal("<sip:alice@cc.example>", invite.Headers.First(SipHeaderNames.To));
        Assert.True(SdpParser.TryParse(invite.BodyText, out var offer, out _));
        Assert.Equal(["0", "8", "101"], offer.Media[0].Formats.ToArray());
        var ack = await ExpectMsgAsync<SipOutbound.SendAck>();
        Assert.Equal(("ACK", "sip:alice@10.0.0.7:5070", invite.CallId), (ack.Ack.Method, ack.Ack.RequestUri.ToString(), ack.Ack.CallId));
        var answered = await _calls.ExpectMsgAsync<AgentAnswered>();
        Assert.Equal((Alice, 1), (answered.AgentId, answered.Leg));
    }

    [Fact]
    public async Task CallLegs_should_cancel_a_ringing_agent_and_report_nothing_when_its_487_comes()
    {
        var (legs, _) = await AnsweredCall();
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var invite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        legs.Tell(new CancelAgentLeg(Call, Alice, 1));
        var cancel = await ExpectMsgAsync<SipOutbound.Cancel>();
        legs.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 487)));

        Assert.Equal(Key(invite), cancel.Invite);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_report_a_busy_agent_with_its_status()
    {
        var (legs, _) = await AnsweredCall();
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var invite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        legs.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 486)));

        var rejected = await _calls.ExpectMsgAsync<AgentRejected>();
        Assert.Equal((Alice, 1, 486), (rejected.AgentId, rejected.Leg, rejected.Status));
    }

    [Fact]
    public async Task CallLegs_should_reach_an_agent_behind_nat_at_its_registered_source()
    {
        var (legs, _) = await AnsweredCall();

        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@192.168.1.20:5060>;received=\"sip:203.0.113.7:40112;transport=udp\"", 1));

        var send = await ExpectMsgAsync<SipOutbound.SendRequest>();
        Assert.Equal("sip:alice@192.168.1.20:5060", send.Request.RequestUri.ToString());
        Assert.Equal("UDP:203.0.113.7:40112", send.Destination.ToString());
    }

    private IActorRef Start(IncomingRequest invite, TimeSpan? answerDelay = null, TimeSpan probeInterval = default, IMediaRelayFactory? media = null)
    {
        var settings = new CallLegSettings(
            "cc.example",
            IPAddress.Parse("10.0.0.1"),
            [GatewayText.Gateway],
            media ?? RealRelays(),
            Media.Audio.Tones.CreateHoldMusic,
            SipTimers.Default)
        {
            AnswerDelays = answerDelay is { } delay ? ImmutableDictionary<QueueId, TimeSpan>.Empty.Add(new QueueId("support"), delay) : ImmutableDictionary<QueueId, TimeSpan>.Empty,
            ProbeInterval = probeInterval,
        };
        return ChildActorOf(CallLegsActor.Props(Call, new QueueId("support"), invite, settings, _calls.Ref));
    }

    private MediaRelayFactory RealRelays() => new(_ports, new MediaRelayOptions { BindAddress = IPAddress.Loopback }, TimeProvider.System);

    private async Task<(IActorRef Legs, SipResponse Ok)> AnsweredCall(
        string? media = null, TimeSpan probeInterval = default, IMediaRelayFactory? relays = null)
    {
        var legs = Start(Incoming(media is null ? CustomerInvite() : CustomerInvite(media)), probeInterval: probeInterval, media: relays);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        legs.Tell(new SipInbound.Request(AckFor(ok)));
        await _calls.ExpectMsgAsync<CustomerAnswered>();
        return (legs, ok);
    }

    private static SipRequest CustomerInvite(string media = "m=audio 4000 RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000")
    {
        var sdp = $"v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n{media}\n".ReplaceLineEndings("\r\n");
        return Parse(CustomerInviteHeaders + $"""
            Content-Type: application/sdp
            Content-Length: {System.Text.Encoding.UTF8.GetByteCount(sdp)}


            """ + sdp.ReplaceLineEndings("\n"));
    }

    /// <summary>The customer's INVITE up to its body headers (each line ended).</summary>
    private const string CustomerInviteHeaders = """
        INVITE sip:support@cc.example SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-invite-1;rport
        Max-Forwards: 70
        From: "Alice Caller" <sip:alice@example.com>;tag=caller-1
        To: <sip:support@cc.example>
        Call-ID: customer-1@10.0.0.5
        CSeq: 1 INVITE
        Contact: <sip:alice@10.0.0.5:5062>

        """;

    private static IncomingRequest AckFor(SipResponse ok)
    {
        var ack = InDialog(ok, "ACK", 1);
        return new IncomingRequest(ack, null, Phone, GatewayText.Gateway);
    }

    /// <summary>A request the customer sends in the dialog our 200 OK created.</summary>
    private static SipRequest InDialog(SipResponse ok, string method, int cseq) => Parse($"""
        {method} sip:callcenter@10.0.0.1:5060 SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-{method.ToLowerInvariant()}-{cseq};rport
        Max-Forwards: 70
        From: "Alice Caller" <sip:alice@example.com>;tag=caller-1
        To: <sip:support@cc.example>;tag={ok.To!.Tag}
        Call-ID: customer-1@10.0.0.5
        CSeq: {cseq} {method}
        Content-Length: 0


        """);

    /// <summary>The agent phone's response to our INVITE (with an SDP answer on 2xx).</summary>
    private static SipResponse AgentAnswer(SipRequest invite, int status)
    {
        var response = SipResponse.For(invite, status, toTag: "agent-1");
        if (status is > 100 and < 300)
        {
            response = response.WithHeaders(h => h.Add(SipHeaderNames.Contact, "<sip:alice@10.0.0.7:5070>"));
        }

        return status == 200
            ? response.WithBody("application/sdp", System.Text.Encoding.UTF8.GetBytes(
                "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4002 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"))
            : response;
    }

    private static ClientTransactionKey Key(SipRequest request)
    {
        Assert.True(TransactionKeys.TryForClient(request, out var key));
        return key;
    }
}
