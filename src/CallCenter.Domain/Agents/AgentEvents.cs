namespace CallCenter.Domain.Agents;

/// <summary>Facts about an agent, persisted as <c>agent-{id}</c>. Append-only contracts: new fields go last and are optional.</summary>
public static class AgentEvents
{
    public sealed record AgentConfigured(AgentId AgentId, AgentSettings Settings, DateTimeOffset At) : IAgentEvent;

    /// <summary>The agent now serves <paramref name="Queues"/> (distinct, in id order) instead of the queues it served before.</summary>
    public sealed record AgentQueuesAssigned(AgentId AgentId, ImmutableArray<QueueId> Queues, DateTimeOffset At) : IAgentEvent;

    /// <summary>The agent came online.</summary>
    public sealed record AgentRegistered(AgentId AgentId, string Contact, DateTimeOffset ExpiresAt, DateTimeOffset At) : IAgentEvent;

    /// <summary>An online agent's registration was renewed (or its contact moved).</summary>
    public sealed record AgentRegistrationRefreshed(AgentId AgentId, string Contact, DateTimeOffset ExpiresAt, DateTimeOffset At) : IAgentEvent;

    /// <summary>The agent went offline; <paramref name="ReleasedCalls"/> are the calls it held, which their callers must re-route.</summary>
    public sealed record AgentWentOffline(AgentId AgentId, OfflineReason Reason, ImmutableArray<CallId> ReleasedCalls, DateTimeOffset At) : IAgentEvent;

    public sealed record AgentPaused(AgentId AgentId, string Reason, DateTimeOffset At) : IAgentEvent;

    public sealed record AgentUnpaused(AgentId AgentId, DateTimeOffset At) : IAgentEvent;

    /// <summary>The agent accepted an offer and holds the call while it rings.</summary>
    public sealed record AgentReserved(AgentId AgentId, CallId CallId, QueueId QueueId, DateTimeOffset At) : IAgentEvent;

    public sealed record AgentCallConnected(AgentId AgentId, CallId CallId, DateTimeOffset At) : IAgentEvent;

    /// <summary>A reserved call was taken back; <paramref name="Missed"/> says whether it counted as the agent's miss.</summary>
    public sealed record AgentReservationReleased(AgentId AgentId, CallId CallId, ReleaseReason Reason, bool Missed, DateTimeOffset At) : IAgentEvent;

    /// <summary>A connected call ended; <paramref name="WrapUpEndsAt"/> is null when there is no wrap-up.</summary>
    public sealed record AgentCallEnded(AgentId AgentId, CallId CallId, DateTimeOffset? WrapUpEndsAt, DateTimeOffset At) : IAgentEvent;

    public sealed record AgentWrapUpEnded(AgentId AgentId, DateTimeOffset At) : IAgentEvent;
}
