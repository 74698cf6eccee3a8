using System.Collections.Immutable;
using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Signalling;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>The queues and agents a node is configured with, and how their phones behave.</summary>
internal sealed record NodeLayout(ImmutableArray<QueueDefinition> Queues, ImmutableArray<AgentDefinition> Agents, PhoneBehaviour Phones);

/// <summary>What a node runs: only the entities (to look at recovered state untouched), or everything.</summary>
internal enum NodeParts
{
    /// <summary>Agents and queues, with no calls actor: nothing closes the open calls out.</summary>
    EntitiesOnly,

    /// <summary>Agents, queues, the signalling port, the calls actor and the call-record projection.</summary>
    Everything,
}

/// <summary>
/// One call-center process composed as the node composes it (Akka.Hosting: SQLite persistence, local agents and queues,
/// the calls actor, the call-record projection), on a <see cref="TempDatabase"/> file. Disposing it runs
/// CoordinatedShutdown, as stopping the process would.
/// </summary>
internal sealed class IntegrationNode : IAsyncDisposable
{
    public const string NodeId = "node-1";

    public static readonly CallRecordProjectionSettings FastProjection = new()
    {
        BatchWindow = TimeSpan.FromMilliseconds(50),
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    // A fresh file creates its tables on the first write, on two cores shared with other work: be patient.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TestHost _host;
    private readonly TestKitBase _kit;
    private bool _stopped;

    private IntegrationNode(TestHost host, TestKitBase kit, ProbeLog? signals, ProbeLog? projected, SqliteCallRecordStore store)
    {
        _host = host;
        _kit = kit;
        System = host.Services.GetRequiredService<ActorSystem>();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Agents = registry.Get<AgentActor>();
        Queues = registry.Get<QueueActor>();
        Calls = registry.TryGet<CallActor>(out var calls) ? calls : ActorRefs.Nobody;
        Signals = signals;
        Projected = projected;
        Store = store;
    }

    public ActorSystem System { get; }

    public IActorRef Agents { get; }

    public IActorRef Queues { get; }

    /// <summary>The calls actor; nobody on an <see cref="NodeParts.EntitiesOnly"/> node.</summary>
    public IActorRef Calls { get; }

    /// <summary>Every command the calls gave the signalling port (null without calls).</summary>
    public ProbeLog? Signals { get; }

    /// <summary>Every <see cref="CallRecordsProjected"/> batch of this process, subscribed before the projection started.</summary>
    public ProbeLog? Projected { get; }

    public SqliteCallRecordStore Store { get; }

    public static async Task<IntegrationNode> StartAsync(TestKitBase kit, TempDatabase database, NodeLayout layout, NodeParts parts)
    {
        var store = SqliteCallRecordStore.ForSqliteFile(database.Path);
        ProbeLog? signals = null;
        ProbeLog? projected = null;
        var host = await TestHost.StartAsync(builder =>
        {
            builder
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithCallCenterPersistence(database.Settings)
                .AddAgentActors(new AgentActorsSettings { Agents = layout.Agents })
                .AddQueueActors(new QueueActorsSettings { Queues = layout.Queues });
            if (parts == NodeParts.EntitiesOnly)
            {
                return;
            }

            builder
                .WithActors((system, registry) =>
                {
                    signals = new ProbeLog(kit.CreateTestProbe(system, "signals"));
                    projected = new ProbeLog(kit.CreateTestProbe(system, "projected"));
                    system.EventStream.Subscribe(projected.Probe.Ref, typeof(CallRecordsProjected));
                    registry.Register<SignallingPort>(system.ActorOf(AutoSignallingPort.Props(signals.Probe.Ref, layout.Phones), "signalling"));
                })
                .AddCallActors(new CallActorsSettings(NodeId))
                .WithCallRecordProjection(store, FastProjection);
        });
        return new IntegrationNode(host, kit, signals, projected, store);
    }

    /// <summary>Registers each agent's phone (what SIP REGISTER does) and waits until it is accepted.</summary>
    public async Task Register(IEnumerable<AgentId> agents)
    {
        var probe = _kit.CreateTestProbe(System);
        foreach (var agent in agents)
        {
            Agents.Tell(new AgentCommands.Register(agent, $"sip:{agent.Value}@10.0.0.9", TimeSpan.FromHours(1)), probe.Ref);
            Assert.False((await probe.ExpectMsgAsync<CommandResult>(Patience)).IsRejected);
        }
    }

    public void Call(CallId call, QueueId queue) =>
        Calls.Tell(new CallCommands.Receive(call, $"sip:{call.Value}@customers.test", queue), ActorRefs.NoSender);

    /// <summary>Tells a call what its SIP side saw (through the calls actor, as the gateway does).</summary>
    public void Signal(ISignallingEvent signal) => Calls.Tell(signal, ActorRefs.NoSender);

    public async Task<AgentState> AgentState(AgentId agent)
    {
        var probe = _kit.CreateTestProbe(System);
        Agents.Tell(new AgentQueries.GetAgentState(agent), probe.Ref);
        return (await probe.ExpectMsgAsync<AgentQueries.AgentStateResult>(Patience)).State;
    }

    public async Task<QueueState> QueueState(QueueId queue)
    {
        var probe = _kit.CreateTestProbe(System);
        Queues.Tell(new QueueQueries.GetQueueState(queue), probe.Ref);
        return (await probe.ExpectMsgAsync<QueueQueries.QueueStateResult>(Patience)).State;
    }

    public async Task<ImmutableArray<CallId>> OpenCalls()
    {
        var probe = _kit.CreateTestProbe(System);
        Calls.Tell(CallQueries.GetOpenCalls.Instance, probe.Ref);
        return (await probe.ExpectMsgAsync<CallQueries.OpenCallsResult>(Patience)).Calls;
    }

    /// <summary>Stops the process (CoordinatedShutdown); later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.DisposeAsync();
    }
}
