using CallCenter.Domain.Agents;
using CallCenter.Domain.Tests.Kit;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Tests.Agents.AgentFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Agents;

public sealed class AgentRegistrationSpec
{
    private sealed record Unknown(AgentId AgentId) : IAgentCommand;

    private sealed record Alien(AgentId AgentId, DateTimeOffset At) : IAgentEvent;

    [Fact]
    public void Agent_should_start_offline_with_default_settings()
    {
        var agent = new AgentState(Alice);

        Assert.Equal(AgentPresence.Offline, agent.Presence);
        Assert.Equal(new AgentSettings(1, TimeSpan.Zero, 3), agent.Settings);
        Assert.False(agent.CanTakeCall);
    }

    [Fact]
    public void Agent_should_become_available_when_registered()
    {
        var decision = Offline().Decide(new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(600)), At(5));

        var registered = Single<AgentRegistered>(decision);
        Assert.Equal(new AgentRegistered(Alice, "sip:alice@h", At(605), At(5)), registered);
        var agent = Offline().Apply(registered);
        Assert.Equal(AgentPresence.Available, agent.Presence);
        Assert.Equal(At(605), agent.RegistrationExpiresAt);
        Assert.Equal(At(5), agent.Statistics.IdleSince);
        Assert.True(agent.CanTakeCall);
    }

    [Fact]
    public void Agent_should_refresh_registration_without_changing_presence()
    {
        var decision = OnCall().Decide(new AgentCommands.Register(Alice, "sip:alice@moved", TimeSpan.FromSeconds(600)), At(100));

        var refreshed = Single<AgentRegistrationRefreshed>(decision);
        var agent = OnCall().Apply(refreshed);
        Assert.Equal(AgentPresence.OnCall, agent.Presence);
        Assert.Equal("sip:alice@moved", agent.Contact);
        Assert.Equal(At(700), agent.RegistrationExpiresAt);
    }

    [Fact]
    public void Agent_should_treat_an_identical_registration_as_noop()
    {
        var register = new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(60));
        var agent = Offline().Must(register, At(0));

        AssertNoOp(agent.Decide(register, At(0)));
    }

    [Theory]
    [InlineData("", 60)]
    [InlineData("  ", 60)]
    [InlineData("sip:alice@h", 0)]
    [InlineData("sip:alice@h", -5)]
    public void Agent_should_reject_registration_without_contact_or_with_non_positive_expiry(string contact, int seconds)
    {
        AssertRejected(Offline().Decide(new AgentCommands.Register(Alice, contact, TimeSpan.FromSeconds(seconds)), At(0)));
    }

    [Fact]
    public void Agent_should_go_offline_and_name_its_calls_when_unregistered()
    {
        var agent = Reserved(new AgentSettings(Capacity: 2)).Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(11));

        var offline = Single<AgentWentOffline>(agent.Decide(new AgentCommands.Unregister(Alice), At(20)));

        Assert.Equal(OfflineReason.Unregistered, offline.Reason);
        Assert.Equal([Call1, Call2], offline.ReleasedCalls.ToArray());
        var after = agent.Apply(offline);
        Assert.Equal(AgentPresence.Offline, after.Presence);
        Assert.Empty(after.Calls);
        Assert.Null(after.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_treat_unregister_while_offline_as_noop()
    {
        AssertNoOp(Offline().Decide(new AgentCommands.Unregister(Alice), At(0)));
    }

    [Fact]
    public void Agent_should_go_offline_when_the_registration_expires()
    {
        var agent = Offline().Must(new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(60)), At(0));

        var offline = Single<AgentWentOffline>(agent.Decide(new AgentCommands.ExpireRegistration(Alice), At(60)));

        Assert.Equal(OfflineReason.Expired, offline.Reason);
        Assert.Empty(offline.ReleasedCalls);
    }

    [Fact]
    public void Agent_should_ignore_an_expiry_timer_made_stale_by_a_refresh()
    {
        var agent = Offline()
            .Must(new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(60)), At(0))
            .Must(new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(60)), At(50));

        AssertNoOp(agent.Decide(new AgentCommands.ExpireRegistration(Alice), At(60)));
        Assert.IsType<AgentWentOffline>(Assert.Single(agent.Decide(new AgentCommands.ExpireRegistration(Alice), At(110)).Events));
    }

    [Fact]
    public void Agent_should_treat_expiry_while_offline_as_noop()
    {
        AssertNoOp(Offline().Decide(new AgentCommands.ExpireRegistration(Alice), At(0)));
    }

    [Fact]
    public void Agent_should_clear_pause_and_wrap_up_when_going_offline()
    {
        var paused = Available().Must(new AgentCommands.Pause(Alice, "lunch"), At(1));

        var after = paused.Must(new AgentCommands.Unregister(Alice), At(2)).Must(
            new AgentCommands.Register(Alice, "sip:alice@h", TimeSpan.FromSeconds(60)), At(3));

        Assert.Equal(AgentPresence.Available, after.Presence);
        Assert.Null(after.PauseReason);
    }

    [Fact]
    public void Agent_should_accept_new_settings_and_noop_identical_ones()
    {
        var settings = new AgentSettings(2, TimeSpan.FromSeconds(30), 5);

        var configured = Single<AgentConfigured>(Offline().Decide(new AgentCommands.Configure(Alice, settings), At(0)));

        Assert.Equal(settings, Offline().Apply(configured).Settings);
        AssertNoOp(Offline().Decide(new AgentCommands.Configure(Alice, AgentSettings.Default), At(0)));
    }

    [Theory]
    [InlineData(0, 0, 3, "capacity")]
    [InlineData(1, -1, 3, "wrap-up")]
    [InlineData(1, 0, -1, "no-answer")]
    public void Agent_should_reject_invalid_settings(int capacity, int wrapUpSeconds, int maxNoAnswer, string reason)
    {
        var settings = new AgentSettings(capacity, TimeSpan.FromSeconds(wrapUpSeconds), maxNoAnswer);

        AssertRejected(Offline().Decide(new AgentCommands.Configure(Alice, settings), At(0)), reason);
    }

    [Fact]
    public void Agent_should_reject_a_capacity_below_the_calls_it_holds()
    {
        var agent = Reserved(new AgentSettings(Capacity: 2)).Must(new AgentCommands.OfferCall(Alice, Call2, Support), At(11));

        AssertRejected(agent.Decide(new AgentCommands.Configure(Alice, new AgentSettings(Capacity: 1)), At(12)), "capacity");
    }

    [Fact]
    public void Agent_should_reject_a_command_addressed_to_another_agent()
    {
        AssertRejected(Available().Decide(new AgentCommands.Unregister(new AgentId("bob")), At(0)), "bob");
    }

    [Fact]
    public void Agent_should_reject_an_unknown_command_without_throwing()
    {
        AssertRejected(Available().Decide(new Unknown(Alice), At(0)), "Unknown");
        AssertRejected(Available().Decide(null!, At(0)));
    }

    [Fact]
    public void Agent_should_throw_unreachable_when_applying_an_unknown_event()
    {
        Assert.Throws<UnreachableException>(() => Available().Apply(new Alien(Alice, At(0))));
    }
}
