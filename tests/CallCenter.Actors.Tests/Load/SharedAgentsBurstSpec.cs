using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Load;

/// <summary>Two queues share their agents under a burst of calls: no agent ever rings for more calls than its capacity.</summary>
public sealed class SharedAgentsBurstSpec : ActorSpec
{
    private const int CallCount = 1_000;
    private static readonly QueueId Sales = new("sales");
    private static readonly QueueId Support = new("support");
    private readonly CallCenterRig _rig;

    public SharedAgentsBurstSpec(ITestOutputHelper output)
        : base(output)
    {
        _rig = new CallCenterRig(this, Clock);
    }

    [Fact]
    public async Task CallCenter_should_never_double_book_an_agent_shared_by_two_queues_under_a_burst()
    {
        var capacity = new Dictionary<AgentId, int>();
        for (var i = 1; i <= 5; i++)
        {
            capacity[new AgentId($"agent-{i}")] = i == 5 ? 2 : 1;
        }

        foreach (var queue in new[] { Sales, Support })
        {
            await _rig.Queue(queue, QueueSettings.Default with { MaxSize = CallCount });
        }

        foreach (var (agent, calls) in capacity)
        {
            await _rig.Agent(agent, [Sales, Support], new AgentSettings(Capacity: calls));
        }

        var phone = new Switchboard(capacity);
        _rig.Signals.Probe.SetAutoPilot(new DelegateAutoPilot(phone.Handle));
        var ended = CreateTestProbe();
        Sys.EventStream.Subscribe(ended.Ref, typeof(CallEvents.CallEnded));

        for (var i = 0; i < CallCount; i++)
        {
            _rig.Call(new CallId($"burst-{i}"), i % 2 == 0 ? Sales : Support);
        }

        var ends = new List<CallEvents.CallEnded>();
        await foreach (var end in ended.ReceiveNAsync(CallCount, TimeSpan.FromSeconds(60)))
        {
            ends.Add(Assert.IsType<CallEvents.CallEnded>(end));
        }

        Assert.All(ends, e => Assert.Equal(CallDisposition.Completed, e.Disposition));
        Assert.Equal(CallCount, ends.Select(e => e.CallId).Distinct().Count());
        await ended.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        _rig.Signals.Probe.Ref.Tell(Switchboard.Report.Instance, TestActor);
        var report = await ExpectMsgAsync<Switchboard.Summary>();
        Assert.Empty(report.Violations);
        Assert.Equal(CallCount, report.Rings);
        Assert.All(capacity, a => Assert.InRange(report.MostHeld.GetValueOrDefault(a.Key), 1, a.Value));
        Assert.Equal(2, report.MostHeld[new AgentId("agent-5")]);

        var handled = 0;
        foreach (var agent in capacity.Keys)
        {
            var state = await _rig.AgentState(agent);
            Assert.Equal(AgentPresence.Available, state.Presence);
            handled += state.Statistics.CallsHandled;
        }

        Assert.Equal(CallCount, handled);
        Assert.Equal(CallCount / 2, (await _rig.QueueState(Sales)).Statistics.Answered);
        Assert.Equal(CallCount / 2, (await _rig.QueueState(Support)).Statistics.Answered);
    }

    /// <summary>The phones: every ring is answered at once and hung up as soon as it is bridged. Counts the calls each
    /// agent's phone holds from the ring until the hangup is sent (before the agent can be freed).</summary>
    private sealed class Switchboard(IReadOnlyDictionary<AgentId, int> capacity)
    {
        private readonly Dictionary<AgentId, int> _held = [];
        private readonly Dictionary<AgentId, int> _mostHeld = [];
        private readonly List<string> _violations = [];
        private int _rings;

        public AutoPilot Handle(IActorRef sender, object message)
        {
            switch (message)
            {
                case RingAgent ring:
                    _rings++;
                    var held = _held[ring.AgentId] = _held.GetValueOrDefault(ring.AgentId) + 1;
                    _mostHeld[ring.AgentId] = Math.Max(held, _mostHeld.GetValueOrDefault(ring.AgentId));
                    if (held > capacity[ring.AgentId])
                    {
                        _violations.Add($"{ring.AgentId} rang for {held} calls at once ({ring.CallId})");
                    }

                    sender.Tell(new AgentAnswered(ring.CallId, ring.AgentId, ring.Leg));
                    break;
                case BridgeLegs bridge:
                    _held[bridge.AgentId]--;
                    sender.Tell(new AgentHungUp(bridge.CallId, bridge.AgentId, bridge.Leg));
                    break;
                case CancelAgentLeg cancel:
                    _held[cancel.AgentId]--;
                    break;
                case Report:
                    sender.Tell(new Summary(_rings, new Dictionary<AgentId, int>(_mostHeld), [.. _violations]));
                    break;
            }

            return AutoPilot.KeepRunning;
        }

        public sealed record Report
        {
            public static Report Instance { get; } = new();
        }

        public sealed record Summary(int Rings, IReadOnlyDictionary<AgentId, int> MostHeld, IReadOnlyList<string> Violations);
    }
}
