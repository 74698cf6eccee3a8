using Akka.Actor;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Entities;
using CallCenter.Actors.Queues;
using CallCenter.Domain;

namespace CallCenter.Actors.Hosting;

/// <summary>The single-process parents of agents and queues, with the extractors the shard regions use.</summary>
/// <remarks>Agents and queues address each other, so each gets the other's parent lazily, when an entity is created.</remarks>
public static class LocalEntityParents
{
    public static Props Agents(int shardCount, Func<IActorRef> queues, AgentActorOptions options) =>
        EntityParentActor.Props(new AgentMessageExtractor(shardCount), id => AgentActor.Props(new AgentId(id), queues(), options));

    public static Props Queues(int shardCount, Func<IActorRef> agents, QueueActorOptions options) =>
        EntityParentActor.Props(new QueueMessageExtractor(shardCount), id => QueueActor.Props(new QueueId(id), agents(), options));
}
