using CallCenter.Actors.Queues;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;

namespace CallCenter.Actors.Tests.Queues;

public sealed class CandidateChoiceSpec
{
    private static readonly AgentId Alice = new("alice");
    private static readonly AgentId Bob = new("bob");
    private static readonly AgentId Carol = new("carol");
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static QueuedCall Call(params AgentId[] failed) => new(new CallId("c"), 0, 0, T0, failed.Length) { FailedAgents = [.. failed] };

    private static List<RoutingCandidate> Agents(params (AgentId Id, bool Available)[] agents) =>
        [.. agents.Select(a => new RoutingCandidate(a.Id, a.Available, AgentStatistics.Empty))];

    [Fact]
    public void Choice_should_follow_the_strategy_among_available_agents()
    {
        var agents = Agents((Alice, false), (Bob, true), (Carol, true));

        Assert.Equal(Bob, CandidateChoice.Choose(new FewestCallsStrategy(), Call(), agents));
    }

    [Fact]
    public void Choice_should_skip_agents_that_failed_the_call_while_others_are_available()
    {
        var agents = Agents((Alice, true), (Bob, true), (Carol, true));

        Assert.Equal(Carol, CandidateChoice.Choose(new FewestCallsStrategy(), Call(Alice, Bob), agents));
    }

    [Fact]
    public void Choice_should_return_to_an_earlier_failed_agent_before_the_last_one()
    {
        var agents = Agents((Alice, true), (Bob, true));

        Assert.Equal(Bob, CandidateChoice.Choose(new FewestCallsStrategy(), Call(Bob, Alice), agents));
    }

    [Fact]
    public void Choice_should_offer_the_last_failed_agent_when_it_is_the_only_one_available()
    {
        var agents = Agents((Alice, true), (Bob, false));

        Assert.Equal(Alice, CandidateChoice.Choose(new FewestCallsStrategy(), Call(Alice), agents));
    }

    [Fact]
    public void Choice_should_be_null_when_nobody_is_available()
    {
        Assert.Null(CandidateChoice.Choose(new RoundRobinStrategy(), Call(Alice), Agents((Alice, false), (Bob, false))));
        Assert.Null(CandidateChoice.Choose(new RoundRobinStrategy(), Call(), Agents()));
    }
}
