using CallCenter.Domain.Routing;

namespace CallCenter.Domain.Tests.Routing;

public sealed class RoutingStrategiesSpec
{
    [Theory]
    [InlineData("round-robin", typeof(RoundRobinStrategy))]
    [InlineData("longest-idle", typeof(LongestIdleStrategy))]
    [InlineData("fewest-calls", typeof(FewestCallsStrategy))]
    [InlineData(" Round-Robin ", typeof(RoundRobinStrategy))]
    public void RoutingStrategies_should_create_a_strategy_by_configuration_name(string name, Type expected)
    {
        var strategy = RoutingStrategies.Create(name);

        Assert.IsType(expected, strategy);
        Assert.Equal(name.Trim().ToLowerInvariant(), strategy.Name);
    }

    [Fact]
    public void RoutingStrategies_should_name_the_known_strategies_when_the_name_is_unknown()
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingStrategies.Create("ring-all"));

        Assert.Contains("'ring-all'", error.Message);
        Assert.Contains("round-robin, longest-idle, fewest-calls", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("roundrobin")]
    public void RoutingStrategies_should_refuse_unknown_names_without_throwing_in_try_create(string? name)
    {
        Assert.False(RoutingStrategies.TryCreate(name, out var strategy));
        Assert.Null(strategy);
        Assert.False(RoutingStrategies.IsKnown(name));
    }

    [Fact]
    public void RoutingStrategies_should_create_a_fresh_strategy_each_time()
    {
        Assert.NotSame(RoutingStrategies.Create("round-robin"), RoutingStrategies.Create("round-robin"));
    }
}
