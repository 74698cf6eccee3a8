using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

// Dead-peer detection: an in-dialog OPTIONS on every answered leg each probe interval (virtual time).
public sealed partial class CallLegsActorSpec
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CallLegs_should_probe_an_answered_customer_with_an_in_dialog_options_at_the_interval()
    {
        var (_, ok) = await AnsweredCall(probeInterval: ProbeEvery);

        Advance(ProbeEvery - TimeSpan.FromSeconds(1));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(1));
        var probe = await ExpectMsgAsync<SipOutbound.SendRequest>();

        var options = probe.Request;
        Assert.Equal("OPTIONS sip:alice@10.0.0.5:5062", $"{options.Method} {options.RequestUri}");
        Assert.Equal("UDP:10.0.0.5:5062", probe.Destination.ToString());
        Assert.Equal(("customer-1@10.0.0.5", ok.To!.Tag, "caller-1"), (options.CallId, options.From!.Tag, options.To!.Tag));
        Assert.Equal(SipMethods.Options, options.CSeq!.Value.Method);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(405)]
    [InlineData(501)]
    public async Task CallLegs_should_keep_a_call_whose_peer_answers_the_probe_and_probe_it_again(int status)
    {
        var (legs, _) = await AnsweredCall(probeInterval: ProbeEvery);
        Advance(ProbeEvery);
        var first = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        legs.Tell(new SipInbound.Response(Key(first), SipResponse.For(first, status, toTag: "caller-1")));
        Advance(ProbeEvery);
        var second = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        Assert.Equal(SipMethods.Options, second.Method);
        Assert.Equal(first.CSeq!.Value.Number + 1, second.CSeq!.Value.Number);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(481)]
    public async Task CallLegs_should_end_the_call_when_the_customer_answers_the_probe_with_a_dead_dialog_status(int status)
    {
        var (legs, _) = await AnsweredCall(probeInterval: ProbeEvery);
        Advance(ProbeEvery);
        var options = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        legs.Tell(new SipInbound.Response(Key(options), SipResponse.For(options, status, toTag: "caller-1")));

        await _calls.ExpectMsgAsync<CustomerHungUp>();
        var bye = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        Assert.Equal((SipMethods.Bye, "customer-1@10.0.0.5"), (bye.Method, bye.CallId));
    }

    [Fact]
    public async Task CallLegs_should_send_one_probe_at_a_time_and_end_the_call_when_it_times_out()
    {
        var (legs, _) = await AnsweredCall(probeInterval: ProbeEvery);
        Advance(ProbeEvery);
        var options = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        Advance(ProbeEvery);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        legs.Tell(new SipInbound.TimedOut(Key(options), TransactionTimer.F));

        await _calls.ExpectMsgAsync<CustomerHungUp>();
        Assert.Equal(SipMethods.Bye, (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request.Method);
    }

    [Fact]
    public async Task CallLegs_should_end_the_call_with_a_bye_on_both_legs_when_the_agents_phone_answers_481()
    {
        var (legs, _) = await AnsweredCall(probeInterval: ProbeEvery);
        var agentInvite = await ConnectedAgent(legs);
        Advance(ProbeEvery);
        var probes = new[] { await ExpectMsgAsync<SipOutbound.SendRequest>(), await ExpectMsgAsync<SipOutbound.SendRequest>() };
        var agentProbe = Assert.Single(probes, p => p.Request.CallId == agentInvite.CallId).Request;
        var customerProbe = Assert.Single(probes, p => p.Request.CallId == "customer-1@10.0.0.5").Request;

        legs.Tell(new SipInbound.Response(Key(customerProbe), SipResponse.For(customerProbe, 200, toTag: "caller-1")));
        legs.Tell(new SipInbound.Response(Key(agentProbe), SipResponse.For(agentProbe, 481, toTag: "agent-1")));
        var agentBye = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        var hungUp = await _calls.ExpectMsgAsync<AgentHungUp>();
        legs.Tell(new HangUpCustomer(Call, CallDisposition.Completed)); // what the CallActor answers to AgentHungUp
        var customerBye = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        Assert.Equal((Alice, 1), (hungUp.AgentId, hungUp.Leg));
        Assert.Equal((SipMethods.Bye, agentInvite.CallId), (agentBye.Method, agentBye.CallId));
        Assert.Equal((SipMethods.Bye, "customer-1@10.0.0.5"), (customerBye.Method, customerBye.CallId));
    }

    [Fact]
    public async Task CallLegs_should_not_probe_a_customer_whose_ack_has_not_come()
    {
        // The customer's 200 is not acknowledged yet: only its retransmissions go out.
        var legs = Start(Incoming(CustomerInvite()), probeInterval: TimeSpan.FromSeconds(1));
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        Advance(TimeSpan.FromSeconds(3));
        var sent = ReceiveWhile<object>(TimeSpan.FromMilliseconds(200), m => m);

        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.IsType<SipOutbound.Respond>(m));
    }

    [Fact]
    public async Task CallLegs_should_not_probe_a_ringing_agent()
    {
        var (answered, _) = await AnsweredCall(probeInterval: ProbeEvery);
        answered.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var invite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        answered.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 180)));
        Advance(ProbeEvery);
        var probe = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        Assert.Equal((SipMethods.Options, "customer-1@10.0.0.5"), (probe.Method, probe.CallId));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_stop_probing_once_the_call_ended()
    {
        var (legs, ok) = await AnsweredCall(probeInterval: ProbeEvery);

        legs.Tell(new SipInbound.Request(Incoming(InDialog(ok, "BYE", 2))));
        await ExpectMsgAsync<SipOutbound.Respond>();
        await _calls.ExpectMsgAsync<CustomerHungUp>();
        await ExpectMsgAsync<SipOutbound.Finished>();
        Advance(ProbeEvery * 3);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task CallLegs_should_answer_a_peers_in_dialog_options_probe_with_200_and_keep_the_call()
    {
        var (legs, ok) = await AnsweredCall();

        var options = Incoming(InDialog(ok, "OPTIONS", 2));
        legs.Tell(new SipInbound.Request(options));

        var answer = await ExpectMsgAsync<SipOutbound.Respond>();
        Assert.Equal((options.Transaction, 200), (answer.Transaction, answer.Response.StatusCode));
        Assert.Equal(ok.To!.Tag, answer.Response.To!.Tag);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Rings alice and lets her answer: the agent leg is up (ACK sent, AgentAnswered reported).</summary>
    private async Task<SipRequest> ConnectedAgent(IActorRef legs)
    {
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var invite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        legs.Tell(new SipInbound.Response(Key(invite), AgentAnswer(invite, 200)));
        await ExpectMsgAsync<SipOutbound.SendAck>();
        await _calls.ExpectMsgAsync<AgentAnswered>();
        return invite;
    }
}
