using System.Collections.Immutable;
using Akka.TestKit;
using CallCenter.Actors.Hosting;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>What the node held when it stopped: every agent's and queue's state as the actors reported it, and who
/// took which call.</summary>
internal sealed record TrafficAtStop(
    ImmutableDictionary<AgentId, AgentState> Agents,
    ImmutableDictionary<QueueId, QueueState> Queues,
    ImmutableDictionary<CallId, AgentId> AgentOf);

/// <summary>
/// Ten calls on three queues and four agents, driven until the node holds every kind of call at once: two completed
/// (one hung up by the caller, one by the agent), three connected, one ringing a phone nobody picks up, four waiting.
/// </summary>
internal static class RestartScenario
{
    public static readonly QueueId Support = new("support");
    public static readonly QueueId Sales = new("sales");
    public static readonly QueueId Billing = new("billing");

    public static readonly AgentId Alice = new("alice");
    public static readonly AgentId Bob = new("bob");
    public static readonly AgentId Carol = new("carol");
    public static readonly AgentId Dave = new("dave");

    public static readonly ImmutableArray<AgentId> AllAgents = [Alice, Bob, Carol, Dave];
    public static readonly ImmutableArray<QueueId> AllQueues = [Support, Sales, Billing];

    public static readonly ImmutableArray<CallId> Completed = [C(1), C(2)];
    public static readonly ImmutableArray<CallId> Connected = [C(3), C(4), C(5)];
    public static readonly CallId Ringing = C(9);
    public static readonly ImmutableArray<CallId> Waiting = [C(6), C(7), C(8), C(10)];
    public static readonly ImmutableArray<CallId> Unfinished = [C(3), C(4), C(5), C(6), C(7), C(8), C(9), C(10)];
    public static readonly ImmutableArray<CallId> AllCalls = [.. Completed, .. Unfinished];

    public static readonly ImmutableDictionary<CallId, QueueId> QueueOf = new Dictionary<CallId, QueueId>
    {
        [C(1)] = Support, [C(2)] = Billing, [C(3)] = Support, [C(4)] = Support, [C(5)] = Billing,
        [C(6)] = Support, [C(7)] = Support, [C(8)] = Billing, [C(9)] = Sales, [C(10)] = Sales,
    }.ToImmutableDictionary();

    /// <summary>Carol's phone never answers, so her call stays ringing; long ring timeouts keep it so until the stop.</summary>
    public static NodeLayout Layout { get; } = new(
        [.. AllQueues.Select(q => new QueueDefinition(q, QueueSettings.Default with { RingTimeout = TimeSpan.FromMinutes(10) }))],
        [
            new AgentDefinition(Alice, AgentSettings.Default, [Support]),
            new AgentDefinition(Bob, AgentSettings.Default, [Support]),
            new AgentDefinition(Carol, AgentSettings.Default, [Sales]),
            new AgentDefinition(Dave, AgentSettings.Default, [Billing]),
        ],
        PhoneBehaviour.Answering with { SilentAgents = [Carol] });

    /// <summary>A SIP-like Call-ID: '@' and '.' go through actor names and persistence ids.</summary>
    public static CallId C(int n) => new($"c-{n:00}@customers.test");

    /// <summary>Drives the traffic, waits until every actor has settled on it, and reports what the actors hold.</summary>
    public static async Task<TrafficAtStop> Drive(TestKitBase kit, IntegrationNode node)
    {
        var signals = node.Signals ?? throw new InvalidOperationException("the scenario needs a node with calls");
        await node.Register(AllAgents);
        await kit.AwaitAssertAsync(async () =>
        {
            // Staffing is the routers' count: once recorded, every router knows its agents.
            Assert.Equal(2, (await node.QueueState(Support)).LoggedInAgents);
            Assert.Equal(1, (await node.QueueState(Sales)).LoggedInAgents);
            Assert.Equal(1, (await node.QueueState(Billing)).LoggedInAgents);
        });

        var agentOf = new Dictionary<CallId, AgentId>();

        // Two calls complete: the caller hangs up one, the agent the other.
        node.Call(C(1), Support);
        agentOf[C(1)] = (await signals.Expect<BridgeLegs>(b => b.CallId == C(1))).AgentId;
        node.Signal(new CustomerHungUp(C(1)));
        await signals.Expect<HangUpAgent>(h => h.CallId == C(1));
        node.Call(C(2), Billing);
        var bridged = await signals.Expect<BridgeLegs>(b => b.CallId == C(2));
        agentOf[C(2)] = bridged.AgentId;
        node.Signal(new AgentHungUp(C(2), bridged.AgentId, bridged.Leg));
        await signals.Expect<HangUpCustomer>(h => h.CallId == C(2) && h.Disposition == CallDisposition.Completed);
        await kit.AwaitAssertAsync(async () =>
        {
            foreach (var agent in new[] { Alice, Bob, Dave })
            {
                Assert.Equal(AgentPresence.Available, (await node.AgentState(agent)).Presence);
            }
        });

        // Three connect and stay connected: every answering agent is taken.
        foreach (var call in Connected)
        {
            node.Call(call, QueueOf[call]);
        }

        foreach (var call in Connected)
        {
            agentOf[call] = (await signals.Expect<BridgeLegs>(b => b.CallId == call)).AgentId;
        }

        // One rings Carol, who never answers; the rest wait. One at a time, so queue order is the order sent.
        node.Call(Ringing, Sales);
        agentOf[Ringing] = (await signals.Expect<RingAgent>(r => r.CallId == Ringing)).AgentId;
        foreach (var call in Waiting)
        {
            node.Call(call, QueueOf[call]);
            await signals.Expect<AnswerCustomer>(a => a.CallId == call);
        }

        await kit.AwaitAssertAsync(async () =>
        {
            Assert.Equal(Unfinished.Order(), (await node.OpenCalls()).Order());
            Assert.Equal([C(6), C(7)], WaitingIn(await node.QueueState(Support)));
            Assert.Equal([C(8)], WaitingIn(await node.QueueState(Billing)));
            var sales = await node.QueueState(Sales);
            Assert.Equal([C(10)], WaitingIn(sales));
            Assert.Equal(Carol, Assert.Single(sales.Calls, c => !c.IsWaiting).OfferedTo);
            foreach (var agent in new[] { Alice, Bob, Dave })
            {
                Assert.Equal(AgentPresence.OnCall, (await node.AgentState(agent)).Presence);
            }

            Assert.Equal(AgentPresence.Reserved, (await node.AgentState(Carol)).Presence);
        });

        var agents = ImmutableDictionary.CreateBuilder<AgentId, AgentState>();
        foreach (var agent in AllAgents)
        {
            agents[agent] = await node.AgentState(agent);
        }

        var queues = ImmutableDictionary.CreateBuilder<QueueId, QueueState>();
        foreach (var queue in AllQueues)
        {
            queues[queue] = await node.QueueState(queue);
        }

        return new TrafficAtStop(agents.ToImmutable(), queues.ToImmutable(), agentOf.ToImmutableDictionary());
    }

    private static CallId[] WaitingIn(QueueState queue) => [.. queue.Waiting.Select(c => c.CallId)];
}
