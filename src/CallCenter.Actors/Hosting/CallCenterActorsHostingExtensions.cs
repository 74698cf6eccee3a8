using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Pattern;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Entities;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Hosting;

/// <summary>Akka.Hosting composition of the call-center actors. Registry keys: <see cref="AgentActor"/> (agent region or
/// parent), <see cref="QueueActor"/> (queue region or parent), <see cref="CallActor"/> (this node's calls actor);
/// <see cref="SignallingPort"/> must be registered by the SIP gateway.</summary>
/// <remarks>Order: <c>AddAgentActors</c> and <c>AddQueueActors</c> (either order), the gateway registering
/// <see cref="SignallingPort"/>, then <c>AddCallActors</c>. Configured agents and queues are sent their configuration once
/// every actor has started; sending it again on every start is harmless (an unchanged configuration is a NoOp).</remarks>
public static class CallCenterActorsHostingExtensions
{
    public const string AgentTypeName = "agent";
    public const string QueueTypeName = "queue";

    /// <summary>Agents: a shard region of <see cref="AgentActor"/> (<see cref="EntityPlacement.UseSharding"/>) or a local
    /// parent named "agents", then Configure and ServeQueues for every <see cref="AgentActorsSettings.Agents"/> entry.</summary>
    public static AkkaConfigurationBuilder AddAgentActors(this AkkaConfigurationBuilder builder, AgentActorsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var placement = settings.Placement;
        Props EntityProps(IReadOnlyActorRegistry registry, string id) =>
            AgentActor.Props(new AgentId(id), registry.Get<QueueActor>(), settings.Options);

        builder = placement.UseSharding
            ? builder.WithShardRegion<AgentActor>(
                AgentTypeName, (_, registry, _) => id => EntityProps(registry, id), new AgentMessageExtractor(placement.ShardCount), ShardOptionsFor(placement))
            : builder.WithActors((system, registry) => registry.Register<AgentActor>(system.ActorOf(
                LocalEntityParents.Agents(placement.ShardCount, () => registry.Get<QueueActor>(), settings.Options), "agents")));

        return builder.AddStartup((_, registry) =>
        {
            var agents = registry.Get<AgentActor>();
            foreach (var agent in settings.Agents)
            {
                agents.Tell(new AgentCommands.Configure(agent.AgentId, agent.Settings), ActorRefs.NoSender);
                agents.Tell(new AgentCommands.ServeQueues(agent.AgentId, agent.Queues), ActorRefs.NoSender);
            }
        });
    }

    /// <summary>Queues: a shard region of <see cref="QueueActor"/> or a local parent named "queues", then Configure for
    /// every <see cref="QueueActorsSettings.Queues"/> entry.</summary>
    public static AkkaConfigurationBuilder AddQueueActors(this AkkaConfigurationBuilder builder, QueueActorsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var placement = settings.Placement;
        Props EntityProps(IReadOnlyActorRegistry registry, string id) =>
            QueueActor.Props(new QueueId(id), registry.Get<AgentActor>(), settings.Options);

        builder = placement.UseSharding
            ? builder.WithShardRegion<QueueActor>(
                QueueTypeName, (_, registry, _) => id => EntityProps(registry, id), new QueueMessageExtractor(placement.ShardCount), ShardOptionsFor(placement))
            : builder.WithActors((system, registry) => registry.Register<QueueActor>(system.ActorOf(
                LocalEntityParents.Queues(placement.ShardCount, () => registry.Get<AgentActor>(), settings.Options), "queues")));

        return builder.AddStartup((_, registry) =>
        {
            var queues = registry.Get<QueueActor>();
            foreach (var queue in settings.Queues)
            {
                queues.Tell(new QueueCommands.Configure(queue.QueueId, queue.Settings), ActorRefs.NoSender);
            }
        });
    }

    /// <summary>This node's calls actor (node-local, never sharded) under a backoff supervisor named "calls". It recovers
    /// the node's open calls at once and closes them out as Interrupted; with <see cref="CallActorsSettings.StartWhenOpened"/>
    /// only once <see cref="CallsStartGate.Open"/> is sent to the <see cref="CallsStartGate"/> in the registry.</summary>
    /// <exception cref="InvalidOperationException">At start, when the signalling port, agents or queues are not registered yet.</exception>
    public static AkkaConfigurationBuilder AddCallActors(this AkkaConfigurationBuilder builder, CallActorsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.NodeId);
        return builder.WithActors((system, registry) =>
        {
            var ports = new CallPorts(Required<SignallingPort>(registry), Required<QueueActor>(registry), Required<AgentActor>(registry));
            var calls = CallsActor.Props(settings.NodeId, ports, settings.Clock);
            var supervised = BackoffSupervisor.Props(Backoff.OnStop(calls, "index", settings.MinBackoff, settings.MaxBackoff, 0.2, maxNrOfRetries: -1));
            if (!settings.StartWhenOpened)
            {
                registry.Register<CallActor>(system.ActorOf(supervised, "calls"));
                return;
            }

            var gate = system.ActorOf(CallsStartGate.Props(supervised, "supervisor"), "calls");
            registry.Register<CallActor>(gate);
            registry.Register<CallsStartGate>(gate);
        });
    }

    private static ShardOptions ShardOptionsFor(EntityPlacement placement) => new()
    {
        Role = placement.Role,
        StateStoreMode = StateStoreMode.DData,
        // Agents and queues are few and long-lived, and their timers (registration expiry, wrap-up, deadlines) must keep running.
        ShouldPassivateIdleEntities = false,
    };

    private static IActorRef Required<TKey>(IReadOnlyActorRegistry registry) =>
        registry.TryGet<TKey>(out var actor) && !actor.IsNobody()
            ? actor
            : throw new InvalidOperationException(
                $"{typeof(TKey).Name} must be registered before AddCallActors (call AddAgentActors, AddQueueActors and register the signalling port first).");
}
