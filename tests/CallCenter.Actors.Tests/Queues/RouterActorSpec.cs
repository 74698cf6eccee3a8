using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;
using Xunit.Abstractions;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;
using static CallCenter.Actors.Queues.RouterProtocol;

namespace CallCenter.Actors.Tests.Queues;

/// <summary>The router on its own: its parent queue and the agents are probes.</summary>
public sealed class RouterActorSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private static readonly AgentId Alice = new("alice");
    private static readonly AgentId Bob = new("bob");
    private static readonly CallId Call1 = new("call-1");
    private static readonly CallId Call2 = new("call-2");
    private static readonly CallId Call3 = new("call-3");
    private readonly TestProbe _queue;
    private readonly TestProbe _agents;
    private readonly IActorRef _router;

    public RouterActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _queue = CreateTestProbe("queue");
        _agents = CreateTestProbe("agents");
        _router = _queue.ChildActorOf(RouterActor.Props(Support, _agents.Ref, TimeSpan.FromSeconds(5)));
        _router.Tell(new RoutingConfigured(RoutingStrategies.RoundRobin, 0), _queue.Ref);
    }

    private static AgentStatus Status(bool available, long version, bool loggedIn = true) =>
        new(loggedIn, available, AgentStatistics.Empty, version);

    [Fact]
    public async Task RouterActor_should_offer_the_head_call_to_the_strategys_choice_and_the_next_call_to_another_free_agent()
    {
        Announce(Bob, Status(true, 3));
        Announce(Alice, Status(true, 3));

        Wait(Call1, Call2, Call3);

        Assert.Equal(new AgentCommands.OfferCall(Alice, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());
        Assert.Equal(new AgentCommands.OfferCall(Bob, Call2, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());

        // Both agents have an offer to answer: the third call waits, and nobody is asked twice.
        Wait(Call1, Call2, Call3);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task RouterActor_should_not_offer_an_agent_a_second_call_before_it_answers_the_first()
    {
        Announce(Alice, Status(true, 3));
        Wait(Call1, Call2);
        Assert.Equal(new AgentCommands.OfferCall(Alice, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());

        // A periodic announcement still says available (it was sent before the offer arrived): no second offer.
        Announce(Alice, Status(true, 3));
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        _router.Tell(new OfferDeclined(Alice, Call1, Support, DeclineReasons.Busy, Status(true, 4)), _agents.Ref);
        Announce(Alice, Status(true, 5));

        // Once it answered, it is asked again, about the head call (still waiting).
        Assert.Equal(new AgentCommands.OfferCall(Alice, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task RouterActor_should_try_the_next_agent_when_one_declines()
    {
        Announce(Alice, Status(true, 3));
        Announce(Bob, Status(true, 3));
        Wait(Call1);
        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>(o => o.AgentId == Alice);

        _router.Tell(new OfferDeclined(Alice, Call1, Support, DeclineReasons.Busy, Status(false, 4)), _agents.Ref);

        Assert.Equal(new AgentCommands.OfferCall(Bob, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());
    }

    [Fact]
    public async Task RouterActor_should_wait_for_an_announcement_when_nobody_is_available()
    {
        Announce(Alice, Status(true, 3));
        Wait(Call1);
        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>();
        _router.Tell(new OfferDeclined(Alice, Call1, Support, DeclineReasons.Paused, Status(false, 4)), _agents.Ref);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Announce(Alice, Status(true, 3));
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Announce(Alice, Status(true, 5));

        Assert.Equal(new AgentCommands.OfferCall(Alice, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());
    }

    [Fact]
    public async Task RouterActor_should_try_another_agent_when_an_offer_goes_unanswered()
    {
        Announce(Alice, Status(true, 3));
        Announce(Bob, Status(true, 3));
        Wait(Call1);
        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>(o => o.AgentId == Alice);

        Advance(TimeSpan.FromSeconds(5));

        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>(o => o.AgentId == Bob && o.CallId == Call1);
    }

    [Fact]
    public async Task RouterActor_should_pass_an_accepted_offer_to_the_queue_and_not_offer_that_call_again_until_recorded()
    {
        Announce(Alice, Status(true, 3));
        Announce(Bob, Status(true, 3));
        Wait(Call1, Call2);
        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>(o => o.AgentId == Alice && o.CallId == Call1);
        var accepted = new OfferAccepted(Alice, Call1, Support, "sip:alice@h", Status(false, 4));

        _router.Tell(accepted, _agents.Ref);

        Assert.Equal(accepted, await _queue.FishForMessageAsync<OfferAccepted>(_ => true));
        await _agents.ExpectMsgAsync<AgentCommands.OfferCall>(o => o.AgentId == Bob && o.CallId == Call2);
        _router.Tell(new OfferAccepted(Bob, Call2, Support, "sip:bob@h", Status(false, 4)), _agents.Ref);
        Announce(Bob, Status(true, 6));
        Wait(Call1, Call2);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _router.Tell(new OfferRecorded(Call1), _queue.Ref);
        Assert.Equal(new AgentCommands.OfferCall(Bob, Call1, Support), await _agents.ExpectMsgAsync<AgentCommands.OfferCall>());
    }

    [Fact]
    public async Task RouterActor_should_prefer_agents_that_have_not_failed_the_call()
    {
        Announce(Alice, Status(true, 3));
        Announce(Bob, Status(true, 3));

        _router.Tell(new WaitingCallsChanged([new QueuedCall(Call1, 0, 0, Clock.GetUtcNow(), 1) { FailedAgents = [Alice] }]), _queue.Ref);

        Assert.Equal(Bob, (await _agents.ExpectMsgAsync<AgentCommands.OfferCall>()).AgentId);
    }

    [Fact]
    public async Task RouterActor_should_report_logged_in_agents_to_its_queue_and_ignore_stale_news()
    {
        Announce(Alice, Status(true, 3));
        Assert.Equal(1, (await _queue.FishForMessageAsync<QueueCommands.UpdateStaffing>(_ => true)).LoggedInAgents);
        Announce(Bob, Status(false, 7, loggedIn: false));
        Announce(Alice, Status(false, 2, loggedIn: false));
        await _queue.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        _router.Tell(new AgentWithdrawn(Support, Alice, 4), _agents.Ref);

        Assert.Equal(0, (await _queue.ExpectMsgAsync<QueueCommands.UpdateStaffing>()).LoggedInAgents);
        Wait(Call1);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task RouterActor_should_count_logged_in_agents_through_logins_repeats_logouts_and_withdrawals()
    {
        Announce(Alice, Status(true, 1));
        Assert.Equal(1, (await _queue.FishForMessageAsync<QueueCommands.UpdateStaffing>(_ => true)).LoggedInAgents);
        Announce(Bob, Status(false, 1));
        Assert.Equal(2, (await _queue.ExpectMsgAsync<QueueCommands.UpdateStaffing>()).LoggedInAgents);

        // News that changes nothing about who is logged in is not reported again.
        Announce(Alice, Status(false, 2));
        Announce(Bob, Status(true, 2));
        await _queue.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Announce(Bob, Status(false, 3, loggedIn: false));
        Assert.Equal(1, (await _queue.ExpectMsgAsync<QueueCommands.UpdateStaffing>()).LoggedInAgents);
        _router.Tell(new AgentWithdrawn(Support, Bob, 3), _agents.Ref);
        await _queue.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _router.Tell(new AgentWithdrawn(Support, Alice, 2), _agents.Ref);
        Assert.Equal(0, (await _queue.ExpectMsgAsync<QueueCommands.UpdateStaffing>()).LoggedInAgents);
    }

    private void Announce(AgentId agent, AgentStatus status) =>
        _router.Tell(new AgentAnnounced(Support, agent, status), _agents.Ref);

    private void Wait(params CallId[] calls) =>
        _router.Tell(new WaitingCallsChanged([.. calls.Select((c, i) => new QueuedCall(c, 0, i, Clock.GetUtcNow()))]), _queue.Ref);
}
