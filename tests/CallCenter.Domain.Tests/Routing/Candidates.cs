using CallCenter.Domain.Agents;
using CallCenter.Domain.Routing;

namespace CallCenter.Domain.Tests.Routing;

internal static class Candidates
{
    public static readonly CallId Call = new("c-1");

    public static RoutingCandidate Agent(string id, bool available = true, DateTimeOffset? idleSince = null, int handled = 0) =>
        new(new AgentId(id), available, new AgentStatistics(idleSince, handled, TimeSpan.Zero));

    public static RoutingCandidate[] Available(params string[] ids) => [.. ids.Select(id => Agent(id))];

    /// <summary>The ids chosen for that many calls in a row; "none" when nobody was.</summary>
    public static string[] ChooseMany(this IRoutingStrategy strategy, int calls, IReadOnlyList<RoutingCandidate> candidates) =>
        [.. Enumerable.Range(0, calls).Select(_ => strategy.Choose(Call, candidates)?.Value ?? "none")];
}
