using CallCenter.Domain.Agents;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Tests.Agents.AgentFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Agents;

public sealed class AgentOfferSpec
{
    [Fact]
    public void Agent_should_be_reserved_when_it_accepts_an_offer()
    {
        var reserved = Single<AgentReserved>(Available().Decide(new AgentCommands.OfferCall(Alice, Call1, Support), At(10)));

        Assert.Equal(new AgentReserved(Alice, Call1, Support, At(10)), reserved);
        var agent = Available().Apply(reserved);
        Assert.Equal(AgentPresence.Reserved, agent.Presence);
        Assert.Equal(new AgentCall(Call1, Support, At(10)), Assert.Single(agent.Calls));
        Assert.Equal(At(0), agent.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_noop_a_duplicate_offer_of_the_same_call()
    {
        AssertNoOp(Reserved().Decide(new AgentCommands.OfferCall(Alice, Call1, Support), At(11)));
        AssertNoOp(OnCall().Decide(new AgentCommands.OfferCall(Alice, Call1, Support), At(16)));
    }

    [Fact]
    public void Agent_should_decline_as_offline_when_not_registered()
    {
        AssertRejected(Offline().Decide(new AgentCommands.OfferCall(Alice, Call1, Support), At(0)), DeclineReasons.Offline);
    }

    [Fact]
    public void Agent_should_decline_as_paused_when_paused()
    {
        var paused = Available().Must(new AgentCommands.Pause(Alice, "lunch"), At(1));

        AssertRejected(paused.Decide(new AgentCommands.OfferCall(Alice, Call1, Support), At(2)), DeclineReasons.Paused);
    }

    [Fact]
    public void Agent_should_decline_as_busy_when_at_capacity()
    {
        AssertRejected(Reserved().Decide(new AgentCommands.OfferCall(Alice, Call2, Support), At(11)), DeclineReasons.Busy);
        AssertRejected(OnCall().Decide(new AgentCommands.OfferCall(Alice, Call2, Support), At(16)), DeclineReasons.Busy);
    }

    [Fact]
    public void Agent_should_hold_as_many_calls_as_its_capacity()
    {
        var agent = OnCall(new AgentSettings(Capacity: 2)).Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(20));

        Assert.Equal(2, agent.Calls.Length);
        Assert.Equal(AgentPresence.OnCall, agent.Presence);
        AssertRejected(agent.Decide(new AgentCommands.OfferCall(Alice, Call3, Support), At(21)), DeclineReasons.Busy);
    }

    [Fact]
    public void Agent_should_go_on_call_when_the_reserved_call_connects()
    {
        var connected = Single<AgentCallConnected>(Reserved().Decide(new AgentCommands.ConnectCall(Alice, Call1), At(15)));

        var agent = Reserved().Apply(connected);
        Assert.Equal(AgentPresence.OnCall, agent.Presence);
        Assert.Equal(At(15), agent.Calls[0].ConnectedAt);
        Assert.Null(agent.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_noop_a_duplicate_connect_and_reject_an_unknown_call()
    {
        AssertNoOp(OnCall().Decide(new AgentCommands.ConnectCall(Alice, Call1), At(16)));
        AssertRejected(Available().Decide(new AgentCommands.ConnectCall(Alice, Call1), At(16)), "not reserved");
    }

    [Fact]
    public void Agent_should_be_available_again_and_count_a_miss_when_a_reservation_is_released()
    {
        var released = Single<AgentReservationReleased>(
            Reserved().Decide(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At(30)));

        Assert.True(released.Missed);
        var agent = Reserved().Apply(released);
        Assert.Equal(AgentPresence.Available, agent.Presence);
        Assert.Equal(1, agent.ConsecutiveNoAnswers);
        Assert.Equal(At(0), agent.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_not_count_a_cancelled_reservation_as_a_miss()
    {
        var released = Single<AgentReservationReleased>(
            Reserved().Decide(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.Cancelled), At(30)));

        Assert.False(released.Missed);
        Assert.Equal(0, Reserved().Apply(released).ConsecutiveNoAnswers);
    }

    [Fact]
    public void Agent_should_noop_releasing_an_unknown_call_and_reject_releasing_a_connected_one()
    {
        AssertNoOp(Available().Decide(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At(1)));
        AssertRejected(OnCall().Decide(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At(20)), "connected");
        AssertRejected(Reserved().Decide(new AgentCommands.ReleaseReservation(Alice, Call1, (ReleaseReason)40), At(20)), "unknown");
    }

    [Theory]
    [InlineData(ReleaseReason.NoAnswer)]
    [InlineData(ReleaseReason.Busy)]
    [InlineData(ReleaseReason.Declined)]
    [InlineData(ReleaseReason.Failed)]
    public void Agent_should_be_paused_for_no_answer_after_max_consecutive_misses(ReleaseReason reason)
    {
        var agent = Available();
        for (var i = 0; i < 2; i++)
        {
            agent = agent.Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(10 * i))
                .Must(new AgentCommands.ReleaseReservation(Alice, Call1, reason), At((10 * i) + 5));
        }

        agent = agent.Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(40));
        var (_, events) = agent.Decide(new AgentCommands.ReleaseReservation(Alice, Call1, reason), At(45));

        Assert.Collection(
            events,
            e => Assert.IsType<AgentReservationReleased>(e),
            e => Assert.Equal(new AgentPaused(Alice, PauseReasons.NoAnswer, At(45)), e));
        var paused = events.Aggregate(agent, (s, e) => s.Apply(e));
        Assert.Equal(AgentPresence.Paused, paused.Presence);
        Assert.Equal(0, paused.ConsecutiveNoAnswers);
    }

    [Fact]
    public void Agent_should_reset_the_miss_count_when_a_call_is_answered()
    {
        var agent = Available()
            .Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(1))
            .Must(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At(2))
            .Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(3))
            .Must(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At(4))
            .Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(5));
        Assert.Equal(2, agent.ConsecutiveNoAnswers);

        agent = agent.Must(new AgentCommands.ConnectCall(Alice, Call2), At(6));

        Assert.Equal(0, agent.ConsecutiveNoAnswers);
    }

    [Fact]
    public void Agent_should_never_be_paused_for_misses_when_max_no_answer_is_zero()
    {
        var agent = Available(new AgentSettings(MaxNoAnswer: 0));
        for (var i = 0; i < 10; i++)
        {
            agent = agent.Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(i * 2))
                .Must(new AgentCommands.ReleaseReservation(Alice, Call1, ReleaseReason.NoAnswer), At((i * 2) + 1));
        }

        Assert.Equal(AgentPresence.Available, agent.Presence);
        Assert.Equal(10, agent.ConsecutiveNoAnswers);
    }

    [Fact]
    public void Agent_should_defer_the_no_answer_pause_while_it_still_holds_another_call()
    {
        var agent = OnCall(new AgentSettings(Capacity: 2, MaxNoAnswer: 1))
            .Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(20));

        var events = agent.Decide(new AgentCommands.ReleaseReservation(Alice, Call2, ReleaseReason.NoAnswer), At(25)).Events;

        Assert.IsType<AgentReservationReleased>(Assert.Single(events));
    }
}
