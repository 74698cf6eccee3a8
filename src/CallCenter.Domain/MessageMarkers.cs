namespace CallCenter.Domain;

/// <summary>A command for one call, decided by <see cref="Calls.CallState"/>.</summary>
public interface ICallCommand : IWithCallId, ICallCenterMessage
{
}

/// <summary>A persisted fact about one call.</summary>
public interface ICallEvent : IWithCallId, ICallCenterMessage
{
    DateTimeOffset At { get; }
}

/// <summary>A command for one agent, decided by <see cref="Agents.AgentState"/>.</summary>
public interface IAgentCommand : IWithAgentId, ICallCenterMessage
{
}

/// <summary>A persisted fact about one agent.</summary>
public interface IAgentEvent : IWithAgentId, ICallCenterMessage
{
    DateTimeOffset At { get; }
}

/// <summary>A command for one queue, decided by <see cref="Queues.QueueState"/>.</summary>
public interface IQueueCommand : IWithQueueId, ICallCenterMessage
{
}

/// <summary>A persisted fact about one queue.</summary>
public interface IQueueEvent : IWithQueueId, ICallCenterMessage
{
    DateTimeOffset At { get; }
}
