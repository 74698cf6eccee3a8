using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Queues;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>One node in-process, wired as hosting's local mode wires it: agents and queues parents, the calls actor,
/// and a TestProbe as the signalling port. Calls' ends are watched on the event stream.</summary>
internal sealed class CallCenterRig
{
    public const string ContactHost = "10.0.0.9";

    private readonly TestKitBase _kit;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _offerTimeout;
    private readonly Dictionary<QueueId, int> _staffing = [];
    private int _incarnation;

    public CallCenterRig(TestKitBase kit, TimeProvider clock, TimeSpan? offerTimeout = null)
    {
        _kit = kit;
        _clock = clock;
        _offerTimeout = offerTimeout ?? TimeSpan.FromSeconds(5);
        Signals = new ProbeLog(kit.CreateTestProbe("signalling"));
        Ended = new ProbeLog(kit.CreateTestProbe("ended"));
        kit.Sys.EventStream.Subscribe(Ended.Probe.Ref, typeof(CallEvents.CallEnded));
        Start();
    }

    public ProbeLog Signals { get; }

    /// <summary>Receives every <see cref="CallEvents.CallEnded"/> of the node.</summary>
    public ProbeLog Ended { get; }

    public IActorRef Agents { get; private set; } = ActorRefs.Nobody;

    public IActorRef Queues { get; private set; } = ActorRefs.Nobody;

    public IActorRef Calls { get; private set; } = ActorRefs.Nobody;

    public static string ContactOf(AgentId agent) => $"sip:{agent.Value}@{ContactHost}";

    /// <summary>Stops every actor of the node (as a crash would, without any goodbye) and starts them again.</summary>
    public async Task Restart()
    {
        foreach (var actor in new[] { Calls, Queues, Agents })
        {
            var watcher = _kit.CreateTestProbe();
            await watcher.WatchAsync(actor);
            _kit.Sys.Stop(actor);
            await watcher.ExpectTerminatedAsync(actor);
        }

        Start();
    }

    public async Task Queue(QueueId queue, QueueSettings? settings = null)
    {
        var probe = _kit.CreateTestProbe();
        Queues.Tell(new QueueCommands.Configure(queue, settings ?? QueueSettings.Default), probe.Ref);
        Assert.False((await probe.ExpectMsgAsync<CommandResult>()).IsRejected);
    }

    /// <summary>Configures, assigns and registers an agent, then waits until each of its queues counts it as logged in.</summary>
    public async Task Agent(AgentId agent, QueueId[] queues, AgentSettings? settings = null, TimeSpan? expires = null)
    {
        var probe = _kit.CreateTestProbe();
        Agents.Tell(new AgentCommands.Configure(agent, settings ?? AgentSettings.Default), probe.Ref);
        Agents.Tell(new AgentCommands.ServeQueues(agent, [.. queues]), probe.Ref);
        Agents.Tell(new AgentCommands.Register(agent, ContactOf(agent), expires ?? TimeSpan.FromHours(1)), probe.Ref);
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await probe.ExpectMsgAsync<CommandResult>()).IsRejected);
        }

        // Staffing is the router's count of logged-in agents, recorded by the queue: once it counts this agent, the router knows it.
        foreach (var queue in queues)
        {
            var expected = _staffing[queue] = _staffing.GetValueOrDefault(queue) + 1;
            await _kit.AwaitAssertAsync(async () => Assert.Equal(expected, (await QueueState(queue)).LoggedInAgents));
        }
    }

    public void Call(CallId call, QueueId queue, int priority = 0) =>
        Calls.Tell(new CallCommands.Receive(call, $"sip:{call.Value}@customers.test", queue, priority), ActorRefs.NoSender);

    /// <summary>Tells a call what the signalling port saw (through the calls actor, as the gateway does).</summary>
    public void Signal(object signallingEvent) => Calls.Tell(signallingEvent, ActorRefs.NoSender);

    public Task<RingAgent> ExpectRing(CallId? call = null, AgentId? agent = null) =>
        Signals.Expect<RingAgent>(r => (call is null || r.CallId == call) && (agent is null || r.AgentId == agent));

    public Task<CallEvents.CallEnded> ExpectEnded(CallId call) => Ended.Expect<CallEvents.CallEnded>(e => e.CallId == call);

    public async Task<AgentState> AgentState(AgentId agent)
    {
        var probe = _kit.CreateTestProbe();
        Agents.Tell(new AgentQueries.GetAgentState(agent), probe.Ref);
        return (await probe.ExpectMsgAsync<AgentQueries.AgentStateResult>()).State;
    }

    public async Task<QueueState> QueueState(QueueId queue)
    {
        var probe = _kit.CreateTestProbe();
        Queues.Tell(new QueueQueries.GetQueueState(queue), probe.Ref);
        return (await probe.ExpectMsgAsync<QueueQueries.QueueStateResult>()).State;
    }

    public async Task<ImmutableArray<CallId>> OpenCalls()
    {
        var probe = _kit.CreateTestProbe();
        Calls.Tell(CallQueries.GetOpenCalls.Instance, probe.Ref);
        return (await probe.ExpectMsgAsync<CallQueries.OpenCallsResult>()).Calls;
    }

    private void Start()
    {
        _incarnation++;
        IActorRef queues = ActorRefs.Nobody;
        IActorRef agents = ActorRefs.Nobody;
        agents = _kit.Sys.ActorOf(LocalEntityParents.Agents(10, () => queues, new AgentActorOptions(_clock, TimeSpan.FromSeconds(30))), $"agents-{_incarnation}");
        queues = _kit.Sys.ActorOf(LocalEntityParents.Queues(10, () => agents, new QueueActorOptions(_clock, _offerTimeout)), $"queues-{_incarnation}");
        Agents = agents;
        Queues = queues;
        Calls = _kit.Sys.ActorOf(CallsActor.Props("node-1", new CallPorts(Signals.Probe.Ref, queues, agents), _clock), $"calls-{_incarnation}");
    }
}
