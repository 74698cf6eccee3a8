using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Faults;

/// <summary>A journal that fails or rejects one entity's writes stops that entity only; the next message starts it again.</summary>
public sealed class JournalFailureSpec : ActorSpec
{
    private static readonly AgentId Alice = new("alice");
    private static readonly AgentId Bob = new("bob");
    private static readonly QueueId Support = new("support");

    public JournalFailureSpec(ITestOutputHelper output)
        : base(output, $"{VirtualTime}\n{TestJournalPersistence}\n{Logging}")
    {
    }

    [Fact]
    public async Task AgentActor_should_stop_on_a_journal_write_failure_without_harming_other_agents()
    {
        var agents = Sys.ActorOf(LocalEntityParents.Agents(10, () => CreateTestProbe().Ref, AgentActorOptions.Default with { Clock = Clock }));
        var alice = await EntityRef(agents, new AgentQueries.GetAgentState(Alice));
        await TestJournal.OnWrite.FailIf(p => p.PersistenceId == "agent-alice");
        Watch(alice);

        agents.Tell(Register(Alice), TestActor);

        await ExpectTerminatedAsync(alice);
        agents.Tell(Register(Bob), TestActor);
        Assert.True((await ExpectMsgAsync<CommandResult>()).IsOk);
        await TestJournal.OnWrite.Pass();
        // A message that reaches the parent before it has seen the old child die is lost, as with a shard region.
        await AwaitAssertAsync(async () =>
            Assert.NotEqual(alice, await EntityRef(agents, new AgentQueries.GetAgentState(Alice), TimeSpan.FromMilliseconds(200))));
        agents.Tell(new AgentQueries.GetAgentState(Alice), TestActor);
        Assert.Equal(AgentPresence.Offline, (await ExpectMsgAsync<AgentQueries.AgentStateResult>()).State.Presence);
        agents.Tell(Register(Alice), TestActor);
        Assert.True((await ExpectMsgAsync<CommandResult>()).IsOk);
    }

    [Fact]
    public async Task CallActor_should_stop_on_a_rejected_write_and_be_closed_while_other_calls_go_on()
    {
        var queues = CreateTestProbe();
        var signalling = CreateTestProbe();
        var calls = Sys.ActorOf(CallsActor.Props("node-1", new CallPorts(signalling.Ref, queues.Ref, CreateTestProbe().Ref), Clock));
        await TestJournal.OnWrite.RejectIf(p => p.PersistenceId == "call-broken");

        calls.Tell(new CallCommands.Receive(new CallId("broken"), "sip:a@customers.test", Support), ActorRefs.NoSender);
        calls.Tell(new CallCommands.Receive(new CallId("fine"), "sip:b@customers.test", Support), ActorRefs.NoSender);

        var enqueue = await queues.ExpectMsgAsync<QueueCommands.Enqueue>();
        Assert.Equal(new CallId("fine"), enqueue.CallId);
        await AwaitAssertAsync(async () =>
        {
            calls.Tell(CallQueries.GetOpenCalls.Instance, TestActor);
            Assert.Equal([new CallId("fine")], (await ExpectMsgAsync<CallQueries.OpenCallsResult>()).Calls.ToArray());
        });
        var hangup = await signalling.ExpectMsgAsync<HangUpCustomer>();
        Assert.Equal((new CallId("broken"), CallDisposition.Failed), (hangup.CallId, hangup.Disposition));
        await queues.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task QueueActor_should_stop_on_a_journal_failure_and_its_calls_should_join_it_again()
    {
        var rig = new CallCenterRig(this, Clock);
        await rig.Queue(Support);
        rig.Call(new CallId("first"), Support);
        await rig.Signals.Expect<AnswerCustomer>(a => a.CallId == new CallId("first"));
        var failed = await EntityRef(rig.Queues, new QueueQueries.GetQueueState(Support));
        Watch(failed);
        await TestJournal.OnWrite.FailIf(p => p.PersistenceId == "queue-support");

        rig.Call(new CallId("second"), Support);

        await ExpectTerminatedAsync(failed);
        await TestJournal.OnWrite.Pass();
        // Once a new queue answers, the parent routes to it: the second call's next attempt will not be lost.
        await AwaitAssertAsync(async () =>
        {
            var restarted = await EntityRef(rig.Queues, new QueueQueries.GetQueueState(Support), TimeSpan.FromMilliseconds(200));
            Assert.NotEqual(failed, restarted);
        });
        // The second call was told it joined before the failed write (it is answered on that) and, watching the
        // queue, joins the new one at once, behind the first, which the new queue recovered from its journal.
        await rig.Signals.Expect<AnswerCustomer>(a => a.CallId == new CallId("second"));
        await AwaitAssertAsync(async () => Assert.Equal(
            [new CallId("first"), new CallId("second")],
            (await rig.QueueState(Support)).Calls.Select(c => c.CallId).ToArray()));

        // The recovered first call is rung once it has re-attached to the new queue; until then an agent may go to the
        // second (an agent is never held idle for a call that might be gone). Two agents: both calls are rung.
        await rig.Agent(Alice, [Support]);
        await rig.Agent(Bob, [Support]);
        await rig.Signals.Expect<RingAgent>(r => r.CallId == new CallId("second"));

        // A call re-attaching while the queue stopped again (its writes failed until Pass) may have sent its Enqueue to
        // the stopping queue: the call asks again after its join retry, which only virtual time brings here.
        await AwaitAssertAsync(async () =>
        {
            Advance(TimeSpan.FromSeconds(5));
            await rig.Signals.Expect<RingAgent>(r => r.CallId == new CallId("first"), TimeSpan.FromMilliseconds(200));
        }, TimeSpan.FromSeconds(10));
    }

    private static AgentCommands.Register Register(AgentId agent) => new(agent, CallCenterRig.ContactOf(agent), TimeSpan.FromHours(1));

    private async Task<IActorRef> EntityRef(IActorRef parent, object query, TimeSpan? within = null)
    {
        var probe = CreateTestProbe();
        parent.Tell(query, probe.Ref);
        await probe.ExpectMsgAsync<object>(within);
        return probe.LastSender;
    }
}
