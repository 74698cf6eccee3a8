using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;
using static CallCenter.Actors.Queues.QueueNotifications;

namespace CallCenter.Actors.Tests.Queues;

/// <summary>The queue with its real router; agents and calls are probes.</summary>
public sealed class QueueActorSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private static readonly AgentId Alice = new("alice");
    private static readonly CallId Call1 = new("call-1");
    private readonly TestProbe _agents;

    public QueueActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _agents = CreateTestProbe("agents");
    }

    [Fact]
    public async Task QueueActor_should_tell_the_call_its_agent_once_the_agent_accepts()
    {
        var queue = Start();
        var call = await Joined(queue, Call1);

        var offer = await OfferToAlice(queue);
        offer.Router.Tell(Accepted(), _agents.Ref);

        var assigned = await call.ExpectMsgAsync<AgentAssigned>();
        Assert.Equal(new AgentAssigned(Call1, Support, Alice, "sip:alice@h", QueueSettings.Default.RingTimeout), assigned);
        Assert.Equal(Alice, (await State(queue)).Find(Call1)!.OfferedTo);
    }

    [Fact]
    public async Task QueueActor_should_give_the_agent_back_when_the_call_left_before_the_agent_accepted()
    {
        var queue = Start();
        var call = await Joined(queue, Call1);
        var offer = await OfferToAlice(queue);
        queue.Tell(new QueueCommands.Remove(Support, Call1, CallDisposition.Abandoned), call.Ref);
        await AwaitAssertAsync(async () => Assert.Empty((await State(queue)).Calls));

        offer.Router.Tell(Accepted(), _agents.Ref);

        var release = await _agents.FishForMessageAsync<AgentCommands.ReleaseReservation>(_ => true);
        Assert.Equal(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.Cancelled), release);
        await call.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task QueueActor_should_give_the_agent_back_when_a_ringing_call_is_removed()
    {
        var queue = Start();
        var call = await Joined(queue, Call1);
        var offer = await OfferToAlice(queue);
        offer.Router.Tell(Accepted(), _agents.Ref);
        await call.ExpectMsgAsync<AgentAssigned>();

        queue.Tell(new QueueCommands.Remove(Support, Call1, CallDisposition.Abandoned), call.Ref);

        var release = await _agents.FishForMessageAsync<AgentCommands.ReleaseReservation>(_ => true);
        Assert.Equal(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.Cancelled), release);
        Assert.Equal(1, (await State(queue)).Statistics.Abandoned);
    }

    [Fact]
    public async Task QueueActor_should_pass_a_revoked_offer_on_to_the_call()
    {
        var queue = Start();
        var call = await Joined(queue, Call1);

        queue.Tell(new OfferRevoked(Support, Call1, Alice), _agents.Ref);

        Assert.Equal(new OfferRevoked(Support, Call1, Alice), await call.ExpectMsgAsync<OfferRevoked>());
    }

    [Fact]
    public async Task QueueActor_should_recover_its_state_after_a_restart()
    {
        var queue = Start(QueueSettings.Default with { MaxWait = TimeSpan.FromMinutes(2), Strategy = "longest-idle" });
        await Joined(queue, Call1);
        await Joined(queue, new CallId("call-2"), priority: 5);
        var offer = await OfferToAlice(queue);
        offer.Router.Tell(Accepted(new CallId("call-2")), _agents.Ref);
        await AwaitAssertAsync(async () => Assert.NotNull((await State(queue)).Find(new CallId("call-2"))!.OfferedTo));
        var before = await State(queue);

        var watcher = CreateTestProbe();
        await watcher.WatchAsync(queue);
        queue.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(queue);
        var after = await State(Start());

        StateJson.AssertSame(before, after);
        Assert.Equal(["call-2", "call-1"], after.Calls.Select(c => c.CallId.Value).ToArray());
    }

    private IActorRef Start(QueueSettings? settings = null)
    {
        var queue = Sys.ActorOf(QueueActor.Props(Support, _agents.Ref, QueueActorOptions.Default with { Clock = Clock }));
        if (settings is not null)
        {
            queue.Tell(new QueueCommands.Configure(Support, settings), TestActor);
        }

        return queue;
    }

    private async Task<TestProbe> Joined(IActorRef queue, CallId callId, int priority = 0)
    {
        var call = CreateTestProbe();
        queue.Tell(new QueueCommands.Enqueue(Support, callId, priority), call.Ref);
        Assert.Equal(new JoinedQueue(callId, Support), await call.ExpectMsgAsync<JoinedQueue>());
        return call;
    }

    private async Task<(AgentCommands.OfferCall Offer, IActorRef Router)> OfferToAlice(IActorRef queue)
    {
        queue.Tell(new AgentAnnounced(Support, Alice, new AgentStatus(true, true, AgentStatistics.Empty, 1)), _agents.Ref);
        var offer = await _agents.FishForMessageAsync<AgentCommands.OfferCall>(_ => true);
        return (offer, _agents.LastSender);
    }

    private static OfferAccepted Accepted(CallId? call = null) =>
        new(Alice, call ?? Call1, Support, "sip:alice@h", new AgentStatus(true, false, AgentStatistics.Empty, 2));

    private async Task<QueueState> State(IActorRef queue)
    {
        var probe = CreateTestProbe();
        queue.Tell(new QueueQueries.GetQueueState(Support), probe.Ref);
        return (await probe.ExpectMsgAsync<QueueQueries.QueueStateResult>()).State;
    }
}
