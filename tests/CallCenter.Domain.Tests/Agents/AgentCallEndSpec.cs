using CallCenter.Domain.Agents;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Tests.Agents.AgentFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Agents;

public sealed class AgentCallEndSpec
{
    private static readonly AgentSettings WithWrapUp = new(WrapUpTime: TimeSpan.FromSeconds(30));

    [Fact]
    public void Agent_should_be_available_and_count_the_call_when_it_ends_without_wrap_up()
    {
        var ended = Single<AgentCallEnded>(OnCall().Decide(new AgentCommands.EndCall(Alice, Call1), At(75)));

        Assert.Null(ended.WrapUpEndsAt);
        var agent = OnCall().Apply(ended);
        Assert.Equal(AgentPresence.Available, agent.Presence);
        Assert.Empty(agent.Calls);
        Assert.Equal(new AgentStatistics(At(75), 1, TimeSpan.FromSeconds(60)), agent.Statistics);
    }

    [Fact]
    public void Agent_should_add_talk_time_over_several_calls()
    {
        var agent = OnCall()
            .Must(new AgentCommands.EndCall(Alice, Call1), At(75))
            .Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(100))
            .Must(new AgentCommands.ConnectCall(Alice, Call2), At(110))
            .Must(new AgentCommands.EndCall(Alice, Call2), At(140));

        Assert.Equal(2, agent.Statistics.CallsHandled);
        Assert.Equal(TimeSpan.FromSeconds(90), agent.Statistics.TalkTime);
    }

    [Fact]
    public void Agent_should_enter_wrap_up_until_the_configured_time_when_a_call_ends()
    {
        var ended = Single<AgentCallEnded>(OnCall(WithWrapUp).Decide(new AgentCommands.EndCall(Alice, Call1), At(75)));

        Assert.Equal(At(105), ended.WrapUpEndsAt);
        var agent = OnCall(WithWrapUp).Apply(ended);
        Assert.Equal(AgentPresence.WrapUp, agent.Presence);
        Assert.Equal(At(105), agent.WrapUpEndsAt);
        Assert.Null(agent.Statistics.IdleSince);
        AssertRejected(agent.Decide(new AgentCommands.OfferCall(Alice, Call2, Support), At(80)), DeclineReasons.WrapUp);
    }

    [Fact]
    public void Agent_should_ignore_an_early_wrap_up_timer_and_become_available_at_its_end()
    {
        var agent = OnCall(WithWrapUp).Must(new AgentCommands.EndCall(Alice, Call1), At(75));

        AssertNoOp(agent.Decide(new AgentCommands.EndWrapUp(Alice), At(104)));
        var endedWrapUp = Single<AgentWrapUpEnded>(agent.Decide(new AgentCommands.EndWrapUp(Alice), At(105)));

        var available = agent.Apply(endedWrapUp);
        Assert.Equal(AgentPresence.Available, available.Presence);
        Assert.Null(available.WrapUpEndsAt);
        Assert.Equal(At(105), available.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_noop_end_wrap_up_when_not_in_wrap_up()
    {
        AssertNoOp(Available().Decide(new AgentCommands.EndWrapUp(Alice), At(0)));
    }

    [Fact]
    public void Agent_should_noop_ending_an_unknown_call_and_reject_ending_a_ringing_one()
    {
        AssertNoOp(Available().Decide(new AgentCommands.EndCall(Alice, Call1), At(0)));
        AssertRejected(Reserved().Decide(new AgentCommands.EndCall(Alice, Call1), At(12)), "not connected");
    }

    [Fact]
    public void Agent_should_keep_the_later_wrap_up_end_when_calls_overlap()
    {
        var settings = new AgentSettings(Capacity: 2, WrapUpTime: TimeSpan.FromSeconds(30));
        var agent = OnCall(settings)
            .Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(16))
            .Must(new AgentCommands.ConnectCall(Alice, Call2), At(17))
            .Must(new AgentCommands.EndCall(Alice, Call2), At(50));
        Assert.Equal(AgentPresence.OnCall, agent.Presence);

        agent = agent.Must(new AgentCommands.EndCall(Alice, Call1), At(60));

        Assert.Equal(At(90), agent.WrapUpEndsAt);
        Assert.Equal(AgentPresence.WrapUp, agent.Presence);
    }
}
