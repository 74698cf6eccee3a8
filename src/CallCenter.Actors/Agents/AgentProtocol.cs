using CallCenter.Domain;
using CallCenter.Domain.Agents;

namespace CallCenter.Actors.Agents;

/// <summary>What a router needs to know about an agent, as of the agent's journal sequence number <paramref name="Version"/>.</summary>
/// <param name="LoggedIn">Registered (counts as staffing).</param>
/// <param name="Available">Would accept an offer now.</param>
/// <param name="Statistics">What routing strategies weigh.</param>
/// <param name="Version">Higher is newer; a router ignores anything older than what it holds.</param>
public sealed record AgentStatus(bool LoggedIn, bool Available, AgentStatistics Statistics, long Version);

/// <summary>Queries answered by an AgentActor.</summary>
public static class AgentQueries
{
    public sealed record GetAgentState(AgentId AgentId) : IWithAgentId, ICallCenterMessage;

    public sealed record AgentStateResult(AgentState State) : ICallCenterMessage;
}

/// <summary>What an AgentActor tells the queues it serves. Routed to the queue by <see cref="IWithQueueId"/>.</summary>
public static class AgentNotifications
{
    /// <summary>The agent's status changed (or is repeated on the announce interval, so a rebuilt router learns it).</summary>
    public sealed record AgentAnnounced(QueueId QueueId, AgentId AgentId, AgentStatus Status) : IWithQueueId, ICallCenterMessage;

    /// <summary>The agent no longer serves this queue.</summary>
    public sealed record AgentWithdrawn(QueueId QueueId, AgentId AgentId, long Version) : IWithQueueId, ICallCenterMessage;

    /// <summary>The agent went offline while <paramref name="CallId"/> was ringing it: the queue passes this on to the call,
    /// which gives up that offer and waits again.</summary>
    public sealed record OfferRevoked(QueueId QueueId, CallId CallId, AgentId AgentId) : IWithQueueId, IWithCallId, ICallCenterMessage;
}

/// <summary>An AgentActor's answers to <see cref="AgentCommands.OfferCall"/>, sent to the router that offered.</summary>
public static class OfferReplies
{
    /// <summary>The agent is reserved for the call (persisted) and can be rung at <paramref name="Contact"/>.</summary>
    public sealed record OfferAccepted(AgentId AgentId, CallId CallId, QueueId QueueId, string Contact, AgentStatus Status) : ICallCenterMessage;

    /// <summary>The agent cannot take the call; <paramref name="Reason"/> is one of <see cref="DeclineReasons"/>.</summary>
    public sealed record OfferDeclined(AgentId AgentId, CallId CallId, QueueId QueueId, string Reason, AgentStatus Status) : ICallCenterMessage;
}
