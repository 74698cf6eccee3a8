using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Domain.Routing;

/// <summary>The strategies a queue can be configured with, by name.</summary>
public static class RoutingStrategies
{
    public const string RoundRobin = "round-robin";

    public const string LongestIdle = "longest-idle";

    public const string FewestCalls = "fewest-calls";

    public static ImmutableArray<string> Names { get; } = [RoundRobin, LongestIdle, FewestCalls];

    public static bool IsKnown(string? name) => TryCreate(name, out _);

    /// <summary>A new strategy for a configuration name (case and surrounding spaces ignored).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static IRoutingStrategy Create(string name) =>
        TryCreate(name, out var strategy)
            ? strategy
            : throw new ArgumentException(
                $"Unknown routing strategy '{name}'. Known strategies: {string.Join(", ", Names)}.", nameof(name));

    public static bool TryCreate(string? name, [NotNullWhen(true)] out IRoutingStrategy? strategy)
    {
        strategy = name?.Trim().ToLowerInvariant() switch
        {
            RoundRobin => new RoundRobinStrategy(),
            LongestIdle => new LongestIdleStrategy(),
            FewestCalls => new FewestCallsStrategy(),
            _ => null,
        };
        return strategy is not null;
    }

    /// <summary>The available candidate with the smallest key, ties broken by agent id.</summary>
    internal static AgentId? Best<TKey>(IReadOnlyList<RoutingCandidate> candidates, Func<RoutingCandidate, TKey> key)
        where TKey : IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(candidates);
        RoutingCandidate? best = null;
        foreach (var candidate in candidates)
        {
            if (!candidate.IsAvailable)
            {
                continue;
            }

            if (best is null)
            {
                best = candidate;
                continue;
            }

            var order = key(candidate).CompareTo(key(best));
            if (order < 0 || (order == 0 && candidate.AgentId.CompareTo(best.AgentId) < 0))
            {
                best = candidate;
            }
        }

        return best?.AgentId;
    }
}
