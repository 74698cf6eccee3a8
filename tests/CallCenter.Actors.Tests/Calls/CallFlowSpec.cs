using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>Calls through queue, router and agents, in one process, with the signalling port as a probe.</summary>
public sealed class CallFlowSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private static readonly AgentId Alice = new("alice");
    private static readonly AgentId Bob = new("bob");
    private readonly CallCenterRig _rig;

    public CallFlowSpec(ITestOutputHelper output)
        : base(output)
    {
        _rig = new CallCenterRig(this, Clock);
    }

    private static CallId C(int n) => new($"c-{n}@customers.test");

    [Fact]
    public async Task CallCenter_should_serve_five_calls_with_two_agents_three_and_two()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        for (var i = 1; i <= 5; i++)
        {
            // One at a time, so they queue in this order.
            _rig.Call(C(i), Support);
            await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == C(i));
        }

        // Conversations end in the order the calls came in, so who is free next (and so the split) is fixed.
        var talking = new List<RingAgent> { await AnswerNextRing(), await AnswerNextRing() };
        var served = new List<(CallId Call, AgentId Agent)>();
        while (talking.Count > 0)
        {
            var leg = talking.MinBy(t => t.CallId)!;
            talking.Remove(leg);
            _rig.Signal(new AgentHungUp(leg.CallId, leg.AgentId, leg.Leg));
            Assert.Equal(CallDisposition.Completed, (await _rig.ExpectEnded(leg.CallId)).Disposition);
            served.Add((leg.CallId, leg.AgentId));
            if (served.Count + talking.Count < 5)
            {
                talking.Add(await AnswerNextRing());
            }
        }

        Assert.Equal([C(1), C(2), C(3), C(4), C(5)], served.Select(s => s.Call).ToArray());
        Assert.Equal([Alice, Bob, Alice, Bob, Alice], served.Select(s => s.Agent).ToArray());
        foreach (var (agent, handled) in new[] { (Alice, 3), (Bob, 2) })
        {
            await AwaitAssertAsync(async () =>
            {
                var state = await _rig.AgentState(agent);
                Assert.Equal(AgentPresence.Available, state.Presence);
                Assert.Equal(handled, state.Statistics.CallsHandled);
            });
        }

        var queue = await _rig.QueueState(Support);
        Assert.Empty(queue.Calls);
        Assert.Equal(5, queue.Statistics.Answered);
        Assert.Empty(await _rig.OpenCalls());
    }

    [Fact]
    public async Task CallCenter_should_offer_the_next_agent_when_the_ring_times_out()
    {
        await _rig.Queue(Support, QueueSettings.Default with { RingTimeout = TimeSpan.FromSeconds(15) });
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        _rig.Call(C(1), Support);
        var first = await _rig.ExpectRing(C(1), Alice);

        Advance(TimeSpan.FromSeconds(15));

        await _rig.Signals.Expect<CancelAgentLeg>(c => c.AgentId == Alice && c.Leg == first.Leg);
        var second = await _rig.ExpectRing(C(1), Bob);
        Assert.Equal(first.Leg + 1, second.Leg);
        var alice = await _rig.AgentState(Alice);
        Assert.Equal(1, alice.ConsecutiveNoAnswers);
        Assert.Equal(AgentPresence.Available, alice.Presence);
        Assert.Equal(1, (await _rig.QueueState(Support)).Find(C(1))!.Attempts);
    }

    [Fact]
    public async Task CallCenter_should_offer_the_next_agent_when_the_phone_answers_busy()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        _rig.Call(C(1), Support);
        var first = await _rig.ExpectRing(C(1), Alice);

        _rig.Signal(new AgentRejected(C(1), Alice, first.Leg, 486));

        await _rig.ExpectRing(C(1), Bob);
        await _rig.Signals.ExpectNone<CancelAgentLeg>();
        var alice = await _rig.AgentState(Alice);
        Assert.Equal(1, alice.ConsecutiveNoAnswers);
        Assert.Empty(alice.Calls);
    }

    [Fact]
    public async Task CallCenter_should_record_an_abandoned_call_that_was_waiting()
    {
        await _rig.Queue(Support);
        _rig.Call(C(1), Support);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == C(1));

        _rig.Signal(new CustomerHungUp(C(1)));

        Assert.Equal(CallDisposition.Abandoned, (await _rig.ExpectEnded(C(1))).Disposition);
        await AwaitAssertAsync(async () =>
        {
            var queue = await _rig.QueueState(Support);
            Assert.Empty(queue.Calls);
            Assert.Equal(1, queue.Statistics.Abandoned);
        });
        await _rig.Signals.ExpectNone<HangUpCustomer>();
    }

    [Fact]
    public async Task CallCenter_should_cancel_the_agent_leg_and_release_the_agent_without_a_miss_when_the_caller_hangs_up_while_ringing()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        _rig.Call(C(1), Support);
        var ring = await _rig.ExpectRing(C(1), Alice);

        _rig.Signal(new CustomerHungUp(C(1)));

        Assert.Equal(CallDisposition.Abandoned, (await _rig.ExpectEnded(C(1))).Disposition);
        await _rig.Signals.Expect<CancelAgentLeg>(c => c.CallId == C(1) && c.Leg == ring.Leg);
        await AwaitAssertAsync(async () =>
        {
            var alice = await _rig.AgentState(Alice);
            Assert.Equal(AgentPresence.Available, alice.Presence);
            Assert.Equal(0, alice.ConsecutiveNoAnswers);
            Assert.Empty((await _rig.QueueState(Support)).Calls);
        });
    }

    [Fact]
    public async Task CallCenter_should_offer_the_call_again_when_the_ringing_agent_unregisters()
    {
        await _rig.Queue(Support);
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        _rig.Call(C(1), Support);
        var first = await _rig.ExpectRing(C(1), Alice);

        _rig.Agents.Tell(new AgentCommands.Unregister(Alice), TestActor);

        await _rig.Signals.Expect<CancelAgentLeg>(c => c.AgentId == Alice && c.Leg == first.Leg);
        await _rig.ExpectRing(C(1), Bob);
        Assert.Equal(AgentPresence.Offline, (await _rig.AgentState(Alice)).Presence);
    }

    [Fact]
    public async Task CallCenter_should_offer_the_call_again_when_the_ringing_agents_registration_expires()
    {
        await _rig.Queue(Support, QueueSettings.Default with { RingTimeout = TimeSpan.FromMinutes(5) });
        await _rig.Agent(Alice, [Support], expires: TimeSpan.FromSeconds(60));
        await _rig.Agent(Bob, [Support]);
        _rig.Call(C(1), Support);
        await _rig.ExpectRing(C(1), Alice);

        Advance(TimeSpan.FromSeconds(60));

        await _rig.Signals.Expect<CancelAgentLeg>(c => c.AgentId == Alice);
        await _rig.ExpectRing(C(1), Bob);
        Assert.Equal(AgentPresence.Offline, (await _rig.AgentState(Alice)).Presence);
    }

    [Fact]
    public async Task CallCenter_should_end_the_call_with_the_configured_disposition_after_max_attempts()
    {
        await _rig.Queue(Support, QueueSettings.Default with { MaxAttempts = 2, MaxAttemptsDisposition = CallDisposition.Timeout });
        await _rig.Agent(Alice, [Support], new AgentSettings(MaxNoAnswer: 0));
        _rig.Call(C(1), Support);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var ring = await _rig.ExpectRing(C(1), Alice);
            Assert.Equal(attempt, ring.Leg);
            _rig.Signal(new AgentNoAnswer(C(1), Alice, ring.Leg));
        }

        Assert.Equal(CallDisposition.Timeout, (await _rig.ExpectEnded(C(1))).Disposition);
        await _rig.Signals.Expect<HangUpCustomer>(h => h.CallId == C(1) && h.Disposition == CallDisposition.Timeout);
        await AwaitAssertAsync(async () => Assert.Equal(AgentPresence.Available, (await _rig.AgentState(Alice)).Presence));
    }

    [Fact]
    public async Task CallCenter_should_hang_up_a_stale_agent_leg_that_answers_after_its_ring_timed_out()
    {
        await _rig.Queue(Support, QueueSettings.Default with { RingTimeout = TimeSpan.FromSeconds(10) });
        await _rig.Agent(Alice, [Support]);
        await _rig.Agent(Bob, [Support]);
        _rig.Call(C(1), Support);
        var first = await _rig.ExpectRing(C(1), Alice);
        Advance(TimeSpan.FromSeconds(10));
        await _rig.ExpectRing(C(1), Bob);

        _rig.Signal(new AgentAnswered(C(1), Alice, first.Leg));

        await _rig.Signals.Expect<HangUpAgent>(h => h.AgentId == Alice && h.Leg == first.Leg);
        await _rig.Signals.ExpectNone<BridgeLegs>();
    }

    private async Task<RingAgent> AnswerNextRing()
    {
        var ring = await _rig.ExpectRing();
        _rig.Signal(new AgentAnswered(ring.CallId, ring.AgentId, ring.Leg));
        await _rig.Signals.Expect<BridgeLegs>(b => b.CallId == ring.CallId && b.Leg == ring.Leg);
        return ring;
    }
}
