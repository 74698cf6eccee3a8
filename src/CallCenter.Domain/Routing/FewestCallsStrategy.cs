namespace CallCenter.Domain.Routing;

/// <summary>Offers to the available agent that has handled the fewest calls.</summary>
public sealed class FewestCallsStrategy : IRoutingStrategy
{
    public string Name => RoutingStrategies.FewestCalls;

    public AgentId? Choose(CallId callId, IReadOnlyList<RoutingCandidate> candidates) =>
        RoutingStrategies.Best(candidates, c => c.Statistics.CallsHandled);
}
