using System.Runtime.CompilerServices;
using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Domain.Calls;
using CallCenter.Media.Relay;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>What a finished call leaves behind for the linger: a small record for the gateway, nothing else.</summary>
public sealed partial class CallLegsActorSpec
{
    [Fact]
    public async Task CallLegs_should_hand_the_gateway_only_call_ids_and_acks_and_release_the_call_when_it_ends()
    {
        var relays = new WeakRelays(RealRelays());
        var legs = Start(WeaklyHeld(Incoming(CustomerInvite()), out var customerInvite), media: relays);
        Watch(legs);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        legs.Tell(new AnswerCustomer(Call));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        legs.Tell(new SipInbound.Request(AckFor(ok)));
        await _calls.ExpectMsgAsync<CustomerAnswered>();
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var agentInvite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        legs.Tell(new SipInbound.Response(Key(agentInvite), AgentAnswer(agentInvite, 200)));
        var ack = await ExpectMsgAsync<SipOutbound.SendAck>();
        await _calls.ExpectMsgAsync<AgentAnswered>();

        // The caller hangs up; the CallActor then hangs up the agent, whose phone answers our BYE.
        legs.Tell(new SipInbound.Request(Incoming(InDialog(ok, "BYE", 2))));
        await ExpectMsgAsync<SipOutbound.Respond>();
        await _calls.ExpectMsgAsync<CustomerHungUp>();
        legs.Tell(new HangUpAgent(Call, Alice, 1));
        var bye = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        TransactionKeys.TryForClient(bye, out var byeKey);
        legs.Tell(new SipInbound.Response(byeKey!, AgentAnswer(bye, 200)));
        var finished = (await ExpectMsgAsync<SipOutbound.Finished>()).Call;

        Assert.Equal([ok.CallId!, agentInvite.CallId!], finished.SipCallIds.ToArray());
        Assert.Equal(Key(agentInvite), Assert.Single(finished.Acks).Invite);
        Assert.Same(ack, finished.Acks[0].Ack);

        // What the gateway does with it: stops the legs. The record alone must not keep the call's state alive.
        Sys.Stop(legs);
        await ExpectTerminatedAsync(legs);
        legs = ActorRefs.Nobody;
        await AwaitAssertAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.False(customerInvite.TryGetTarget(out _), "something still holds the finished call's INVITE");
            Assert.False(relays.Opened.TryGetTarget(out _), "something still holds the finished call's relay");
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        GC.KeepAlive(finished);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T WeaklyHeld<T>(T value, out WeakReference<T> weak)
        where T : class
    {
        weak = new WeakReference<T>(value);
        return value;
    }

    /// <summary>Opens real relays and remembers the last one weakly, so a spec can tell whether anyone still holds it.</summary>
    private sealed class WeakRelays(IMediaRelayFactory inner) : IMediaRelayFactory
    {
        public WeakReference<IMediaRelay> Opened { get; private set; } = new(null!);

        public IMediaRelay Open(IMediaEvents events)
        {
            var relay = inner.Open(events);
            Opened = new WeakReference<IMediaRelay>(relay);
            return relay;
        }
    }
}
