using Akka.Cluster.Sharding;
using CallCenter.Domain;

namespace CallCenter.Actors.Entities;

/// <summary>Routes every <see cref="IWithAgentId"/> message to its AgentActor.</summary>
public sealed class AgentMessageExtractor(int maxNumberOfShards) : HashCodeMessageExtractor(maxNumberOfShards)
{
    public override string? EntityId(object message) => message is IWithAgentId m ? m.AgentId.Value : null;
}

/// <summary>Routes every <see cref="IWithQueueId"/> message to its QueueActor.</summary>
public sealed class QueueMessageExtractor(int maxNumberOfShards) : HashCodeMessageExtractor(maxNumberOfShards)
{
    public override string? EntityId(object message) => message is IWithQueueId m ? m.QueueId.Value : null;
}
