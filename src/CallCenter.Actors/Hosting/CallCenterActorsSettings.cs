using System.Collections.Immutable;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Queues;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Hosting;

/// <summary>One configured agent: its settings and the queues it serves (sent as Configure + ServeQueues at start).</summary>
public sealed record AgentDefinition(AgentId AgentId, AgentSettings Settings, ImmutableArray<QueueId> Queues);

/// <summary>One configured queue (sent as Configure at start).</summary>
public sealed record QueueDefinition(QueueId QueueId, QueueSettings Settings);

/// <summary>Settings of <see cref="CallCenterActorsHostingExtensions.AddAgentActors"/>.</summary>
public sealed record AgentActorsSettings
{
    public EntityPlacement Placement { get; init; } = EntityPlacement.Local;

    public ImmutableArray<AgentDefinition> Agents { get; init; } = [];

    public AgentActorOptions Options { get; init; } = AgentActorOptions.Default;
}

/// <summary>Settings of <see cref="CallCenterActorsHostingExtensions.AddQueueActors"/>.</summary>
public sealed record QueueActorsSettings
{
    public EntityPlacement Placement { get; init; } = EntityPlacement.Local;

    public ImmutableArray<QueueDefinition> Queues { get; init; } = [];

    public QueueActorOptions Options { get; init; } = QueueActorOptions.Default;
}

/// <summary>Settings of <see cref="CallCenterActorsHostingExtensions.AddCallActors"/>.</summary>
/// <param name="NodeId">Names this node's call index (<c>calls-{NodeId}</c>): stable across restarts, unique per node.</param>
public sealed record CallActorsSettings(string NodeId)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Restart delays of the calls actor after its own journal failed.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Start the calls actor only when told to (<see cref="Calls.CallsStartGate"/>): a clustered node first makes
    /// sure that no other member runs under its node id.</summary>
    public bool StartWhenOpened { get; init; }
}
