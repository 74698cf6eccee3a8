using CallCenter.Domain.Routing;
using CsCheck;
using static CallCenter.Domain.Tests.Routing.Candidates;

namespace CallCenter.Domain.Tests.Properties;

public sealed class RoundRobinFairnessSpec
{
    private static readonly string[] Pool = [.. Enumerable.Range(0, 12).Select(i => $"agent-{i * 7 % 12:D2}")];

    [Fact]
    public void RoundRobin_should_give_each_of_n_agents_exactly_k_of_k_times_n_calls()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 6], Gen.Int[-1, 11]).Sample((n, k, start) =>
        {
            var candidates = Available(Pool[..n]);
            // Any starting point, as after a router rebuild.
            var strategy = new RoundRobinStrategy(start < 0 ? null : new AgentId(Pool[start]));

            var counts = strategy.ChooseMany(k * n, candidates).CountBy(id => id).ToDictionary();

            Assert.Equal(n, counts.Count);
            Assert.All(counts.Values, c => Assert.Equal(k, c));
        });
    }

    [Fact]
    public void RoundRobin_should_stay_fair_when_agents_join_and_leave_between_rounds()
    {
        Gen.Bool.Array[Pool.Length].Array[1, 8].Sample(rounds =>
        {
            var strategy = new RoundRobinStrategy();
            foreach (var present in rounds)
            {
                var candidates = Pool.Select((id, i) => Agent(id, available: present[i])).ToArray();
                var expected = Pool.Where((_, i) => present[i]).Order(StringComparer.Ordinal).ToArray();

                var chosen = strategy.ChooseMany(expected.Length, candidates);

                Assert.Equal(expected, chosen.Order(StringComparer.Ordinal));
            }
        });
    }
}
