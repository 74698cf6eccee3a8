namespace CallCenter.Domain.Routing;

/// <summary>Offers to the available agent idle the longest; an agent not idle at all (busy with spare capacity) comes last.</summary>
public sealed class LongestIdleStrategy : IRoutingStrategy
{
    public string Name => RoutingStrategies.LongestIdle;

    public AgentId? Choose(CallId callId, IReadOnlyList<RoutingCandidate> candidates) =>
        RoutingStrategies.Best(candidates, c => c.Statistics.IdleSince ?? DateTimeOffset.MaxValue);
}
