using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

// A queue's answer delay: the caller hears ringback (180) first; CANCEL in that window, or an agent answering first.
public sealed partial class CallLegsActorSpec
{
    private static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CallLegs_should_ring_the_caller_for_the_answer_delay_and_then_answer_with_the_same_tag()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite, AnswerDelay);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();

        legs.Tell(new AnswerCustomer(Call));
        var ringing = await ExpectMsgAsync<SipOutbound.Respond>();
        Advance(AnswerDelay - TimeSpan.FromMilliseconds(1));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromMilliseconds(1));
        var ok = await ExpectMsgAsync<SipOutbound.Respond>();

        Assert.Equal((invite.Transaction, 180), (ringing.Transaction, ringing.Response.StatusCode));
        Assert.NotNull(ringing.Response.To?.Tag);
        Assert.Equal("<sip:callcenter@10.0.0.1:5060>", ringing.Response.Headers.First(SipHeaderNames.Contact));
        Assert.True(ringing.Response.Body.IsEmpty);
        Assert.Equal((invite.Transaction, 200, ringing.Response.To!.Tag), (ok.Transaction, ok.Response.StatusCode, ok.Response.To?.Tag));
        legs.Tell(new SipInbound.Request(AckFor(ok.Response)));
        await _calls.ExpectMsgAsync<CustomerAnswered>();
    }

    [Fact]
    public async Task CallLegs_should_answer_a_ringing_caller_when_an_agent_is_bridged_before_the_delay_is_over()
    {
        var customer = Incoming(CustomerInvite());
        var legs = Start(customer, AnswerDelay);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        Assert.Equal(180, (await ExpectMsgAsync<SipOutbound.Respond>()).Response.StatusCode);

        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var agentInvite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        legs.Tell(new SipInbound.Response(Key(agentInvite), AgentAnswer(agentInvite, 200)));
        await ExpectMsgAsync<SipOutbound.SendAck>();
        await _calls.ExpectMsgAsync<AgentAnswered>();
        legs.Tell(new BridgeLegs(Call, Alice, 1));
        var ok = await ExpectMsgAsync<SipOutbound.Respond>();
        legs.Tell(new SipInbound.Request(AckFor(ok.Response)));
        await _calls.ExpectMsgAsync<CustomerAnswered>();
        Advance(AnswerDelay);

        Assert.Equal((customer.Transaction, 200), (ok.Transaction, ok.Response.StatusCode));
        // The delay's end finds the caller answered: no second answer.
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_report_a_cancel_while_the_caller_rings_as_a_hang_up_and_never_answer_it()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite, AnswerDelay);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        await ExpectMsgAsync<SipOutbound.Respond>();

        legs.Tell(new SipInbound.Cancelled(invite.Transaction!, invite.Request));
        await _calls.ExpectMsgAsync<CustomerHungUp>();
        await ExpectMsgAsync<SipOutbound.Finished>();
        Advance(AnswerDelay);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_cancel_the_ringing_agent_when_the_ringing_caller_cancels_and_the_call_ends()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite, AnswerDelay);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        await ExpectMsgAsync<SipOutbound.Respond>();
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var agentInvite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;

        legs.Tell(new SipInbound.Cancelled(invite.Transaction!, invite.Request));
        await _calls.ExpectMsgAsync<CustomerHungUp>();
        // What the CallActor does on the caller's hang-up while an offer rings.
        legs.Tell(new CancelAgentLeg(Call, Alice, 1));
        var cancel = await ExpectMsgAsync<SipOutbound.Cancel>();
        legs.Tell(new SipInbound.Response(Key(agentInvite), AgentAnswer(agentInvite, 487)));

        Assert.Equal(Key(agentInvite), cancel.Invite);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallLegs_should_end_a_ringing_callers_early_dialog_with_the_tag_of_its_180()
    {
        var invite = Incoming(CustomerInvite());
        var legs = Start(invite, AnswerDelay);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ringing = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;

        legs.Tell(new HangUpCustomer(Call, CallDisposition.Timeout));
        var refusal = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        await ExpectMsgAsync<SipOutbound.Finished>();
        Advance(AnswerDelay);

        Assert.Equal((480, ringing.To!.Tag), (refusal.StatusCode, refusal.To?.Tag));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
