namespace CallCenter.Domain.Routing;

/// <summary>Chooses which agent a call is offered to. Deterministic: equal candidates are ordered by agent id.</summary>
/// <remarks>A strategy may remember its previous choices (round-robin does); the router owns one instance per queue
/// and rebuilds it after a restart, so that memory is a hint, never a source of truth.</remarks>
public interface IRoutingStrategy
{
    /// <summary>The configuration name, e.g. "round-robin".</summary>
    string Name { get; }

    /// <summary>The agent to offer <paramref name="callId"/> to, or null when no candidate is available.</summary>
    AgentId? Choose(CallId callId, IReadOnlyList<RoutingCandidate> candidates);
}
