namespace CallCenter.Domain.Routing;

/// <summary>Offers to the next available agent after the last one chosen, in agent id order, wrapping around.</summary>
/// <remarks>The position is an agent id, not an index, so agents joining or leaving never shift whose turn it is:
/// over any run of as many calls as there are available agents, each agent is chosen once.</remarks>
public sealed class RoundRobinStrategy : IRoutingStrategy
{
    public RoundRobinStrategy(AgentId? lastChosen = null)
    {
        LastChosen = lastChosen;
    }

    public string Name => RoutingStrategies.RoundRobin;

    /// <summary>The agent chosen last; a rebuilt router passes it to the constructor to keep the rotation.</summary>
    public AgentId? LastChosen { get; private set; }

    public AgentId? Choose(CallId callId, IReadOnlyList<RoutingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        AgentId? lowest = null;
        AgentId? nextAfterLast = null;
        foreach (var candidate in candidates)
        {
            if (!candidate.IsAvailable)
            {
                continue;
            }

            var id = candidate.AgentId;
            if (lowest is null || id.CompareTo(lowest.Value) < 0)
            {
                lowest = id;
            }

            if (LastChosen is { } last && id.CompareTo(last) > 0
                && (nextAfterLast is null || id.CompareTo(nextAfterLast.Value) < 0))
            {
                nextAfterLast = id;
            }
        }

        var chosen = nextAfterLast ?? lowest;
        if (chosen is not null)
        {
            LastChosen = chosen;
        }

        return chosen;
    }
}
