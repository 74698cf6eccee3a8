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
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(agents);
        if (strategy.Choose(call.CallId, Candidates(agents, id => !call.FailedAgents.Contains(id))) is { } fresh)
        {
            return fresh;
        }

        if (call.FailedAgents.IsEmpty)
        {
            return null;
        }

        var last = call.FailedAgents[^1];
        return strategy.Choose(call.CallId, Candidates(agents, id => id != last))
            ?? strategy.Choose(call.CallId, Candidates(agents, _ => true));
    }

    private static List<RoutingCandidate> Candidates(IReadOnlyDictionary<AgentId, AgentStatus> agents, Func<AgentId, bool> allowed) =>
        [.. agents.Select(a => new RoutingCandidate(a.Key, a.Value.Available && allowed(a.Key), a.Value.Statistics))];
}
