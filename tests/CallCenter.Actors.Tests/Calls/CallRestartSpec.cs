using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>A node that dies mid-call closes its unfinished calls out as Interrupted when it starts again.</summary>
public sealed class CallRestartSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private static readonly AgentId Alice = new("alice");
    private static readonly AgentId Bob = new("bob");
    private static readonly CallId Talking = new("talking");
    private static readonly CallId Ringing = new("ringing");
    private static readonly CallId Waiting = new("waiting");
    private static readonly CallId Done = new("done");
    private readonly CallCenterRig _rig;

    public CallRestartSpec(ITestOutputHelper output)
        : base(output)
    {
        _rig = new CallCenterRig(this, Clock);
    }

    [Fact]
    public async Task CallCenter_should_interrupt_unfinished_calls_and_release_their_agents_after_a_restart()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        _rig.Call(Done, Support);
        await _rig.ExpectRing(Done);
        _rig.Signal(new CustomerHungUp(Done));
        await _rig.ExpectEnded(Done);
        _rig.Call(Talking, Support);
        var talking = await _rig.ExpectRing(Talking);
        _rig.Signal(new AgentAnswered(Talking, talking.AgentId, talking.Leg));
        await _rig.Signals.Expect<BridgeLegs>(b => b.CallId == Talking);
        _rig.Call(Ringing, Support);
        var ringing = await _rig.ExpectRing(Ringing);
        _rig.Call(Waiting, Support);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == Waiting);
        Assert.Equal([Ringing, Talking, Waiting], (await _rig.OpenCalls()).Order().ToArray());

        await _rig.Restart();

        var interrupted = new[]
        {
            await _rig.ExpectEnded(Talking), await _rig.ExpectEnded(Ringing), await _rig.ExpectEnded(Waiting),
        };
        Assert.All(interrupted, e => Assert.Equal(CallDisposition.Interrupted, e.Disposition));
        await _rig.Signals.Expect<HangUpAgent>(h => h.CallId == Talking && h.AgentId == talking.AgentId);
        await _rig.Signals.Expect<CancelAgentLeg>(c => c.CallId == Ringing && c.AgentId == ringing.AgentId);
        foreach (var call in new[] { Talking, Ringing, Waiting })
        {
            await _rig.Signals.Expect<HangUpCustomer>(h => h.CallId == call && h.Disposition == CallDisposition.Interrupted);
        }

        await AwaitAssertAsync(async () =>
        {
            Assert.Empty(await _rig.OpenCalls());
            Assert.Empty((await _rig.QueueState(Support)).Calls);
            foreach (var agent in new[] { Alice, Bob })
            {
                var state = await _rig.AgentState(agent);
                Assert.Equal(AgentPresence.Available, state.Presence);
                Assert.Equal(0, state.ConsecutiveNoAnswers);
            }
        });
        await ExpectNoEndOf(Done);
    }

    [Fact]
    public async Task CallCenter_should_serve_new_calls_after_a_restart()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        _rig.Call(Waiting, Support);
        await _rig.ExpectRing(Waiting, Alice);

        await _rig.Restart();
        await _rig.ExpectEnded(Waiting);
        _rig.Agents.Tell(new AgentCommands.Register(Alice, CallCenterRig.ContactOf(Alice), TimeSpan.FromHours(1)), TestActor);
        await ExpectMsgAsync<CommandResult>();
        _rig.Call(Talking, Support);

        var ring = await _rig.ExpectRing(Talking, Alice);
        Assert.Equal(1, ring.Leg);
    }

    private async Task ExpectNoEndOf(CallId call)
    {
        await _rig.Ended.ExpectNone<CallEvents.CallEnded>(e => e.CallId == call);
        Assert.DoesNotContain(call, await _rig.OpenCalls());
    }
}
