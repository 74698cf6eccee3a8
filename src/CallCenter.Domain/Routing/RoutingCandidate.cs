using CallCenter.Domain.Agents;

namespace CallCenter.Domain.Routing;

/// <summary>An agent as a router sees it when choosing who gets a call.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="IsAvailable">Whether the agent would take an offer now (and has not declined this call already).</param>
/// <param name="Statistics">What strategies weigh: idle time, calls handled, talk time.</param>
public sealed record RoutingCandidate(AgentId AgentId, bool IsAvailable, AgentStatistics Statistics);
