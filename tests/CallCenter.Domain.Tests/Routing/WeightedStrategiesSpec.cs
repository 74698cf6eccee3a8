using CallCenter.Domain.Routing;
using static CallCenter.Domain.Tests.Kit.Steps;
using static CallCenter.Domain.Tests.Routing.Candidates;

namespace CallCenter.Domain.Tests.Routing;

public sealed class WeightedStrategiesSpec
{
    [Fact]
    public void LongestIdle_should_choose_the_agent_idle_since_earliest()
    {
        var candidates = new[] { Agent("a", idleSince: At(30)), Agent("b", idleSince: At(10)), Agent("c", idleSince: At(20)) };

        Assert.Equal("b", new LongestIdleStrategy().Choose(Call, candidates)!.Value.Value);
    }

    [Fact]
    public void LongestIdle_should_break_ties_by_id_skip_unavailable_and_put_busy_agents_last()
    {
        var candidates = new[]
        {
            Agent("z", idleSince: null),
            Agent("c", idleSince: At(10)),
            Agent("b", idleSince: At(10)),
            Agent("a", available: false, idleSince: At(0)),
        };

        Assert.Equal("b", new LongestIdleStrategy().Choose(Call, candidates)!.Value.Value);
        Assert.Equal("z", new LongestIdleStrategy().Choose(Call, [Agent("z", idleSince: null)])!.Value.Value);
        Assert.Null(new LongestIdleStrategy().Choose(Call, [Agent("a", available: false)]));
    }

    [Fact]
    public void FewestCalls_should_choose_the_agent_with_fewest_handled_calls_ties_by_id()
    {
        var candidates = new[]
        {
            Agent("a", handled: 5),
            Agent("d", handled: 2),
            Agent("c", handled: 2),
            Agent("b", available: false, handled: 0),
        };

        Assert.Equal("c", new FewestCallsStrategy().Choose(Call, candidates)!.Value.Value);
        Assert.Null(new FewestCallsStrategy().Choose(Call, []));
    }
}
