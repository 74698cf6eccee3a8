using CallCenter.Actors.Agents;
using CallCenter.Domain;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;

namespace CallCenter.Actors.Queues;

/// <summary>Which agent a router offers a call to, given what agents last announced.</summary>
public static class CandidateChoice
{
    /// <summary>The strategy's choice among available agents that have not failed this call yet; when every available
    /// agent has, anyone but the agent that failed it last; when that is the only one, that agent. Null when nobody is available.</summary>
    public static AgentId? Choose(IRoutingStrategy strategy, QueuedCall call, IReadOnlyDictionary<AgentId, AgentStatus> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        return Choose(strategy, call, [.. agents.Select(a => new RoutingCandidate(a.Key, a.Value.Available, a.Value.Statistics))]);
    }

    /// <summary>As above, over candidates a router keeps from pass to pass: a call nobody failed yet (the usual case)
    /// is chosen among them as they are, without a copy per call.</summary>
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
