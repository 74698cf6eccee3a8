namespace CallCenter.Domain.Agents;

/// <summary>What can be asked of an agent.</summary>
public static class AgentCommands
{
    /// <summary>Sets capacity, wrap-up time and max no-answer.</summary>
    public sealed record Configure(AgentId AgentId, AgentSettings Settings) : IAgentCommand;

    /// <summary>Sets the queues the agent serves (the queues it tells when its availability changes); order and duplicates do not matter.</summary>
    public sealed record ServeQueues(AgentId AgentId, ImmutableArray<QueueId> Queues) : IAgentCommand;

    /// <summary>A registration (or its refresh) valid for <paramref name="Expires"/> from now.</summary>
    public sealed record Register(AgentId AgentId, string Contact, TimeSpan Expires) : IAgentCommand;

    /// <summary>The registration is removed: the agent goes offline and gives back its calls.</summary>
    public sealed record Unregister(AgentId AgentId) : IAgentCommand;

    /// <summary>The registration timer fired; a refreshed registration makes it a NoOp.</summary>
    public sealed record ExpireRegistration(AgentId AgentId) : IAgentCommand;

    /// <summary>Takes an idle agent out of routing.</summary>
    public sealed record Pause(AgentId AgentId, string Reason) : IAgentCommand;

    public sealed record Unpause(AgentId AgentId) : IAgentCommand;

    /// <summary>A router offers a call: accepted (the agent is reserved) or declined with a <see cref="DeclineReasons"/> reason.</summary>
    public sealed record OfferCall(AgentId AgentId, CallId CallId, QueueId QueueId) : IAgentCommand;

    /// <summary>The agent answered the reserved call.</summary>
    public sealed record ConnectCall(AgentId AgentId, CallId CallId) : IAgentCommand;

    /// <summary>The reserved call will not reach the agent; misses count towards max no-answer.</summary>
    public sealed record ReleaseReservation(AgentId AgentId, CallId CallId, ReleaseReason Reason) : IAgentCommand;

    /// <summary>A connected call ended; wrap-up starts when configured.</summary>
    public sealed record EndCall(AgentId AgentId, CallId CallId) : IAgentCommand;

    /// <summary>The wrap-up timer fired; before <see cref="AgentState.WrapUpEndsAt"/> it is a NoOp.</summary>
    public sealed record EndWrapUp(AgentId AgentId) : IAgentCommand;
}
