using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Queues.QueueNotifications;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>The call on its own: queue, agents and the signalling port are probes.</summary>
public sealed class CallActorSpec : ActorSpec
{
    private static readonly CallId Call = new("a84b4c76e66710@pc33.atlanta.example.com");
    private static readonly QueueId Support = new("support");
    private static readonly AgentId Alice = new("alice");
    private readonly TestProbe _signalling;
    private readonly TestProbe _queues;
    private readonly TestProbe _agents;
    private readonly TestProbe _parent;

    public CallActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _signalling = CreateTestProbe("signalling");
        _queues = CreateTestProbe("queues");
        _agents = CreateTestProbe("agents");
        _parent = CreateTestProbe("parent");
    }

    [Fact]
    public async Task CallActor_should_ask_to_join_its_queue_and_answer_the_customer_once_it_has()
    {
        var call = Start();

        call.Tell(new CallCommands.Receive(Call, "sip:carol@customers.test", Support, 2), TestActor);

        Assert.True((await ExpectMsgAsync<CommandResult>()).IsOk);
        Assert.Equal(new QueueCommands.Enqueue(Support, Call, 2), await _queues.ExpectMsgAsync<QueueCommands.Enqueue>());
        await _signalling.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        call.Tell(new JoinedQueue(Call, Support), _queues.Ref);
        Assert.Equal(new AnswerCustomer(Call), await _signalling.ExpectMsgAsync<AnswerCustomer>());
        call.Tell(new CustomerAnswered(Call), _signalling.Ref);
        Assert.Equal(new StartHoldAudio(Call), await _signalling.ExpectMsgAsync<StartHoldAudio>());
    }

    [Fact]
    public async Task CallActor_should_ask_its_queue_again_when_it_does_not_answer()
    {
        var call = Start();
        call.Tell(new CallCommands.Receive(Call, "sip:carol@customers.test", Support), TestActor);
        await _queues.ExpectMsgAsync<QueueCommands.Enqueue>();

        Advance(TimeSpan.FromSeconds(5));

        await _queues.ExpectMsgAsync<QueueCommands.Enqueue>();
        call.Tell(new JoinedQueue(Call, Support), _queues.Ref);
        await _signalling.ExpectMsgAsync<AnswerCustomer>();
        Advance(TimeSpan.FromSeconds(5));
        await _queues.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallActor_should_release_an_agent_it_is_assigned_after_the_caller_left()
    {
        var call = await Queued();
        call.Tell(new CustomerHungUp(Call), _signalling.Ref);
        Assert.Equal(new QueueCommands.Remove(Support, Call, CallDisposition.Abandoned), await _queues.ExpectMsgAsync<QueueCommands.Remove>());

        call.Tell(new AgentAssigned(Call, Support, Alice, "sip:alice@h", TimeSpan.FromSeconds(20)), _queues.Ref);

        Assert.Equal(new AgentCommands.ReleaseReservation(Alice, Call, ReleaseReason.Cancelled), await _agents.ExpectMsgAsync<AgentCommands.ReleaseReservation>());
        await _signalling.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CallActor_should_complete_when_the_agent_hangs_up_and_tell_everyone_once()
    {
        var call = await Queued();
        call.Tell(new AgentAssigned(Call, Support, Alice, "sip:alice@h", TimeSpan.FromSeconds(20)), _queues.Ref);
        var ring = await _signalling.ExpectMsgAsync<RingAgent>();
        call.Tell(new AgentAnswered(Call, Alice, ring.Leg), _signalling.Ref);
        await _signalling.ExpectMsgAsync<StopHoldAudio>();
        await _signalling.ExpectMsgAsync<BridgeLegs>();
        Assert.Equal(new AgentCommands.ConnectCall(Alice, Call), await _agents.ExpectMsgAsync<AgentCommands.ConnectCall>());
        Assert.Equal(new QueueCommands.MarkAnswered(Support, Call, Alice), await _queues.ExpectMsgAsync<QueueCommands.MarkAnswered>());

        call.Tell(new AgentHungUp(Call, Alice, ring.Leg), _signalling.Ref);
        call.Tell(new CustomerHungUp(Call), _signalling.Ref);

        Assert.Equal(new AgentCommands.EndCall(Alice, Call), await _agents.ExpectMsgAsync<AgentCommands.EndCall>());
        Assert.Equal(new HangUpCustomer(Call, CallDisposition.Completed), await _signalling.ExpectMsgAsync<HangUpCustomer>());
        Assert.Equal(new CallFinished(Call), await _parent.ExpectMsgAsync<CallFinished>());
        await _signalling.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(CallDisposition.Completed, (await State(call)).Disposition);
    }

    [Fact]
    public async Task CallActor_should_recover_its_state_after_a_restart()
    {
        var call = await Queued();
        call.Tell(new AgentAssigned(Call, Support, Alice, "sip:alice@h", TimeSpan.FromSeconds(20)), _queues.Ref);
        var ring = await _signalling.ExpectMsgAsync<RingAgent>();
        call.Tell(new AgentRejected(Call, Alice, ring.Leg, 603), _signalling.Ref);
        await _queues.ExpectMsgAsync<QueueCommands.Requeue>();
        var before = await State(call);

        var watcher = CreateTestProbe();
        await watcher.WatchAsync(call);
        call.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(call);
        var after = await State(Start());

        Assert.Equal(before, after);
        Assert.Equal((CallPhase.Queued, 1), (after.Phase, after.Attempts));
    }

    [Fact]
    public async Task CallActor_should_close_out_an_unfinished_call_as_interrupted_when_started_to_interrupt()
    {
        var call = await Queued();
        call.Tell(new AgentAssigned(Call, Support, Alice, "sip:alice@h", TimeSpan.FromSeconds(20)), _queues.Ref);
        var ring = await _signalling.ExpectMsgAsync<RingAgent>();
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(call);
        call.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(call);

        var interrupted = Start(CallStart.Interrupt);

        Assert.Equal(new CancelAgentLeg(Call, Alice, ring.Leg), await _signalling.ExpectMsgAsync<CancelAgentLeg>());
        Assert.Equal(new HangUpCustomer(Call, CallDisposition.Interrupted), await _signalling.ExpectMsgAsync<HangUpCustomer>());
        Assert.Equal(new AgentCommands.ReleaseReservation(Alice, Call, ReleaseReason.Cancelled), await _agents.ExpectMsgAsync<AgentCommands.ReleaseReservation>());
        Assert.Equal(new QueueCommands.Remove(Support, Call, CallDisposition.Interrupted), await _queues.ExpectMsgAsync<QueueCommands.Remove>());
        await _parent.ExpectMsgAsync<CallFinished>();
        Assert.Equal(CallDisposition.Interrupted, (await State(interrupted)).Disposition);
    }

    [Fact]
    public async Task CallActor_should_replay_its_journal_when_started_as_new_for_an_id_that_has_events()
    {
        var call = await Queued();
        var before = await State(call);
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(call);
        call.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(call);

        // Started as new only skips the snapshot: the journal's events are still replayed, never written over.
        var again = Start(CallStart.New);

        Assert.Equal(before, await State(again));
        again.Tell(new CallCommands.Receive(Call, "sip:carol@customers.test", Support), TestActor);
        Assert.True((await ExpectMsgAsync<CommandResult>()).IsNoOp);
        Assert.Equal(before, await State(again));
    }

    private IActorRef Start(CallStart start = CallStart.Resume) =>
        _parent.ChildActorOf(CallActor.Props(Call, new CallPorts(_signalling.Ref, _queues.Ref, _agents.Ref), Clock, start));

    private async Task<IActorRef> Queued()
    {
        var call = Start();
        call.Tell(new CallCommands.Receive(Call, "sip:carol@customers.test", Support), ActorRefs.NoSender);
        await _queues.ExpectMsgAsync<QueueCommands.Enqueue>();
        call.Tell(new JoinedQueue(Call, Support), _queues.Ref);
        await _signalling.ExpectMsgAsync<AnswerCustomer>();
        return call;
    }

    private async Task<CallState> State(IActorRef call)
    {
        var probe = CreateTestProbe();
        call.Tell(new CallQueries.GetCallState(Call), probe.Ref);
        return (await probe.ExpectMsgAsync<CallQueries.CallStateResult>()).State;
    }
}
