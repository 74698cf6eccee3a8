namespace CallCenter.Domain;

/// <summary>A message addressed to one call (routes to its CallActor).</summary>
public interface IWithCallId
{
    CallId CallId { get; }
}

/// <summary>A message addressed to one agent (the shard key of AgentActor).</summary>
public interface IWithAgentId
{
    AgentId AgentId { get; }
}

/// <summary>A message addressed to one queue (the shard key of QueueActor).</summary>
public interface IWithQueueId
{
    QueueId QueueId { get; }
}
