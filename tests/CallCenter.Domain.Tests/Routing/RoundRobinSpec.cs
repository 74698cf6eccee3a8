using CallCenter.Domain.Routing;
using static CallCenter.Domain.Tests.Routing.Candidates;

namespace CallCenter.Domain.Tests.Routing;

public sealed class RoundRobinSpec
{
    [Fact]
    public void RoundRobin_should_rotate_through_agents_in_id_order()
    {
        var strategy = new RoundRobinStrategy();

        Assert.Equal(["a", "b", "c", "a", "b"], strategy.ChooseMany(5, Available("c", "a", "b")));
        Assert.Equal("b", strategy.LastChosen!.Value.Value);
    }

    [Fact]
    public void RoundRobin_should_skip_unavailable_agents()
    {
        var strategy = new RoundRobinStrategy();

        Assert.Equal(["a", "c", "a"], strategy.ChooseMany(3, [Agent("a"), Agent("b", available: false), Agent("c")]));
    }

    [Fact]
    public void RoundRobin_should_choose_nobody_and_keep_its_place_when_no_agent_is_available()
    {
        var strategy = new RoundRobinStrategy(new AgentId("b"));

        Assert.Null(strategy.Choose(Call, [Agent("a", available: false)]));
        Assert.Null(strategy.Choose(Call, []));
        Assert.Equal("b", strategy.LastChosen!.Value.Value);
    }

    [Fact]
    public void RoundRobin_should_give_a_joining_agent_its_turn_in_id_order()
    {
        var strategy = new RoundRobinStrategy();
        Assert.Equal(["a", "c"], strategy.ChooseMany(2, Available("a", "c", "e")));

        Assert.Equal(["d", "e", "a", "b", "c"], strategy.ChooseMany(5, Available("a", "b", "c", "d", "e")));
    }

    [Fact]
    public void RoundRobin_should_continue_after_the_last_agent_even_when_it_left()
    {
        var strategy = new RoundRobinStrategy();
        Assert.Equal(["a", "b"], strategy.ChooseMany(2, Available("a", "b", "c")));

        Assert.Equal(["c", "a"], strategy.ChooseMany(2, Available("a", "c")));
    }

    [Fact]
    public void RoundRobin_should_resume_the_rotation_from_a_rebuilt_position()
    {
        var strategy = new RoundRobinStrategy(new AgentId("b"));

        Assert.Equal(["c", "a"], strategy.ChooseMany(2, Available("a", "b", "c")));
    }

    [Fact]
    public void RoundRobin_should_compare_ids_ordinally()
    {
        var strategy = new RoundRobinStrategy();

        Assert.Equal(["B", "a", "b"], strategy.ChooseMany(3, Available("b", "a", "B")));
    }
}
