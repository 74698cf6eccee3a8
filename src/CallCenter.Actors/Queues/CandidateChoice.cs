using CallCenter.Domain;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;

namespace CallCenter.Actors.Queues;

/// <summary>Which agent a router offers a call to, among the candidates it keeps from what agents last announced.</summary>
public static class CandidateChoice
{
    /// <summary>The strategy's choice among available agents that have not failed this call yet; when every available
    /// agent has, anyone but the agent that failed it last; when that is the only one, that agent. Null when nobody is
    /// available. A call nobody failed yet (the usual case) is chosen among the router's candidates as they are.</summary>
    public static AgentId? Choose(IRoutingStrategy strategy, QueuedCall call, IReadOnlyList<RoutingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(candidates);
        if (call.FailedAgents.IsEmpty)
        {
            return strategy.Choose(call.CallId, candidates);
        }

        if (strategy.Choose(call.CallId, Allowing(candidates, id => !call.FailedAgents.Contains(id))) is { } fresh)
        {
            return fresh;
        }

        var last = call.FailedAgents[^1];
        return strategy.Choose(call.CallId, Allowing(candidates, id => id != last))
            ?? strategy.Choose(call.CallId, candidates);
    }

    private static List<RoutingCandidate> Allowing(IReadOnlyList<RoutingCandidate> candidates, Func<AgentId, bool> allowed) =>
        [.. candidates.Select(c => c.IsAvailable && !allowed(c.AgentId) ? c with { IsAvailable = false } : c)];
}
