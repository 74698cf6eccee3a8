using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Entities;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using Xunit.Abstractions;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;

namespace CallCenter.Actors.Tests.Agents;

public sealed class AgentActorSpec : ActorSpec
{
    private static readonly AgentId Alice = new("alice");
    private static readonly QueueId Sales = new("sales");
    private static readonly QueueId Support = new("support");
    private static readonly CallId Call1 = new("call-1");
    private static readonly CallId Call2 = new("call-2");
    private readonly TestProbe _queues;

    public AgentActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _queues = CreateTestProbe("queues");
    }

    [Fact]
    public async Task AgentActor_should_announce_its_status_to_every_queue_it_serves_when_it_changes()
    {
        var alice = Start();

        alice.Tell(new AgentCommands.ServeQueues(Alice, [Support, Sales]), TestActor);

        var offline = await ExpectAnnouncements(2);
        Assert.Equal([Sales, Support], offline.Select(a => a.QueueId).Order().ToArray());
        Assert.All(offline, a => Assert.False(a.Status.LoggedIn));
        alice.Tell(Register(), TestActor);
        var online = await ExpectAnnouncements(2);
        Assert.All(online, a => Assert.True(a.Status is { LoggedIn: true, Available: true }));
        Assert.All(online, a => Assert.True(a.Status.Version > offline[0].Status.Version));
    }

    [Fact]
    public async Task AgentActor_should_repeat_its_status_on_the_announce_interval()
    {
        await Registered([Support]);

        Advance(TimeSpan.FromSeconds(30));

        var repeated = await _queues.ExpectMsgAsync<AgentAnnounced>();
        Assert.Equal((Support, Alice, true), (repeated.QueueId, repeated.AgentId, repeated.Status.Available));
    }

    [Fact]
    public async Task AgentActor_should_withdraw_from_a_queue_it_no_longer_serves()
    {
        var alice = await Registered([Support, Sales]);

        alice.Tell(new AgentCommands.ServeQueues(Alice, [Sales]), TestActor);

        var withdrawn = await _queues.FishForMessageAsync<AgentWithdrawn>(_ => true);
        Assert.Equal(Support, withdrawn.QueueId);
        Assert.Equal(Sales, (await _queues.ExpectMsgAsync<AgentAnnounced>()).QueueId);
    }

    [Fact]
    public async Task AgentActor_should_accept_an_offer_with_its_contact_and_decline_one_beyond_its_capacity()
    {
        var alice = await Registered([Support]);

        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        var accepted = await ExpectMsgAsync<OfferAccepted>();
        alice.Tell(new AgentCommands.OfferCall(Alice, Call2, Support), TestActor);
        var declined = await ExpectMsgAsync<OfferDeclined>();
        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        var repeated = await ExpectMsgAsync<OfferAccepted>();

        Assert.Equal((Call1, CallCenterRig.ContactOf(Alice)), (accepted.CallId, accepted.Contact));
        Assert.False(accepted.Status.Available);
        Assert.Equal((Call2, DeclineReasons.Busy), (declined.CallId, declined.Reason));
        Assert.Equal(accepted.Status.Version, declined.Status.Version);
        Assert.Equal(accepted.Status, repeated.Status);
    }

    [Fact]
    public async Task AgentActor_should_revoke_a_ringing_offer_through_its_queue_when_it_unregisters()
    {
        var alice = await Registered([Support]);
        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        await ExpectMsgAsync<OfferAccepted>();

        alice.Tell(new AgentCommands.Unregister(Alice), TestActor);

        var revoked = await _queues.FishForMessageAsync<OfferRevoked>(_ => true);
        Assert.Equal(new OfferRevoked(Support, Call1, Alice), revoked);
    }

    [Fact]
    public async Task AgentActor_should_not_revoke_a_connected_call_when_it_goes_offline()
    {
        var alice = await Registered([Support], TimeSpan.FromSeconds(60));
        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        await ExpectMsgAsync<OfferAccepted>();
        alice.Tell(new AgentCommands.ConnectCall(Alice, Call1), TestActor);
        await ExpectMsgAsync<CommandResult>();

        Advance(TimeSpan.FromSeconds(60));

        await AwaitAssertAsync(async () => Assert.Equal(AgentPresence.Offline, (await State(alice)).Presence));
        await _queues.FishForMessageAsync<AgentAnnounced>(a => !a.Status.LoggedIn);
        await _queues.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task AgentActor_should_end_wrap_up_when_its_timer_fires()
    {
        var alice = await Registered([Support], settings: new AgentSettings(WrapUpTime: TimeSpan.FromSeconds(20)));
        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        await ExpectMsgAsync<OfferAccepted>();
        alice.Tell(new AgentCommands.ConnectCall(Alice, Call1), TestActor);
        alice.Tell(new AgentCommands.EndCall(Alice, Call1), TestActor);
        await ExpectMsgAsync<CommandResult>();
        await ExpectMsgAsync<CommandResult>();
        Assert.Equal(AgentPresence.WrapUp, (await State(alice)).Presence);

        Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(AgentPresence.WrapUp, (await State(alice)).Presence);
        Advance(TimeSpan.FromSeconds(1));

        await AwaitAssertAsync(async () => Assert.Equal(AgentPresence.Available, (await State(alice)).Presence));
    }

    [Fact]
    public async Task AgentActor_should_recover_its_state_after_a_restart()
    {
        var alice = await Registered([Support], settings: new AgentSettings(Capacity: 2));
        alice.Tell(new AgentCommands.OfferCall(Alice, Call1, Support), TestActor);
        await ExpectMsgAsync<OfferAccepted>();
        alice.Tell(new AgentCommands.ConnectCall(Alice, Call1), TestActor);
        alice.Tell(new AgentCommands.OfferCall(Alice, Call2, Support), TestActor);
        await ExpectMsgAsync<CommandResult>();
        await ExpectMsgAsync<OfferAccepted>();
        var before = await State(alice);

        await StopAsync(alice);
        var after = await State(Start());

        StateJson.AssertSame(before, after);
        Assert.Equal(AgentPresence.OnCall, after.Presence);
        Assert.Equal(2, after.Calls.Length);
    }

    [Fact]
    public async Task AgentActor_should_recover_from_its_latest_snapshot_and_the_events_after_it()
    {
        var alice = await Registered([Support]);
        var registrations = (2 * SnapshotPolicy.Every) + 20;
        for (var i = 0; i < registrations; i++)
        {
            alice.Tell(new AgentCommands.Register(Alice, $"sip:alice@10.0.0.{i % 7}", TimeSpan.FromHours(1)), TestActor);
        }

        for (var i = 0; i < registrations; i++)
        {
            await ExpectMsgAsync<CommandResult>();
        }

        var before = await State(alice);
        await AwaitAssertAsync(async () =>
        {
            var snapshots = await Snapshots.Of(this, "agent-alice");
            Assert.Equal(2 * SnapshotPolicy.Every, snapshots.Latest);
            Assert.Null(await snapshots.Before(2 * SnapshotPolicy.Every));
        });

        await StopAsync(alice);
        var after = await State(Start());

        StateJson.AssertSame(before, after);
    }

    private IActorRef Start() => Sys.ActorOf(AgentActor.Props(Alice, _queues.Ref, AgentActorOptions.Default with { Clock = Clock }));

    private static AgentCommands.Register Register(TimeSpan? expires = null) =>
        new(Alice, CallCenterRig.ContactOf(Alice), expires ?? TimeSpan.FromHours(1));

    private async Task<IActorRef> Registered(QueueId[] queues, TimeSpan? expires = null, AgentSettings? settings = null)
    {
        var alice = Start();
        alice.Tell(new AgentCommands.Configure(Alice, settings ?? AgentSettings.Default), TestActor);
        alice.Tell(new AgentCommands.ServeQueues(Alice, [.. queues]), TestActor);
        alice.Tell(Register(expires), TestActor);
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await ExpectMsgAsync<CommandResult>()).IsRejected);
        }

        // Drain the announcements of getting here, so each test sees only what it causes.
        await _queues.FishForMessageAsync<AgentAnnounced>(a => a.Status.Available);
        while (await _queues.ReceiveOneAsync(TimeSpan.FromMilliseconds(100)) is not null)
        {
        }

        return alice;
    }

    private async Task<List<AgentAnnounced>> ExpectAnnouncements(int count)
    {
        var announced = new List<AgentAnnounced>();
        for (var i = 0; i < count; i++)
        {
            announced.Add(await _queues.ExpectMsgAsync<AgentAnnounced>());
        }

        return announced;
    }

    private async Task<AgentState> State(IActorRef agent)
    {
        var probe = CreateTestProbe();
        agent.Tell(new AgentQueries.GetAgentState(Alice), probe.Ref);
        return (await probe.ExpectMsgAsync<AgentQueries.AgentStateResult>()).State;
    }

    private async Task StopAsync(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(actor);
        actor.Tell(PoisonPill.Instance);
        await watcher.ExpectTerminatedAsync(actor);
    }
}
