using CallCenter.Domain.Agents;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Tests.Agents.AgentFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Agents;

public sealed class AgentPauseSpec
{
    [Fact]
    public void Agent_should_pause_with_a_reason_when_available()
    {
        var paused = Single<AgentPaused>(Available().Decide(new AgentCommands.Pause(Alice, "lunch"), At(30)));

        var agent = Available().Apply(paused);
        Assert.Equal(AgentPresence.Paused, agent.Presence);
        Assert.Equal("lunch", agent.PauseReason);
        Assert.Null(agent.Statistics.IdleSince);
        Assert.Equal(DeclineReasons.Paused, agent.DeclineReason());
    }

    [Fact]
    public void Agent_should_become_available_and_idle_again_when_unpaused()
    {
        var paused = Available().Must(new AgentCommands.Pause(Alice, "lunch"), At(30));

        var unpaused = Single<AgentUnpaused>(paused.Decide(new AgentCommands.Unpause(Alice), At(90)));

        var agent = paused.Apply(unpaused);
        Assert.Equal(AgentPresence.Available, agent.Presence);
        Assert.Equal(At(90), agent.Statistics.IdleSince);
    }

    [Fact]
    public void Agent_should_pause_during_wrap_up_and_drop_the_wrap_up()
    {
        var wrapUp = OnCall(new AgentSettings(WrapUpTime: TimeSpan.FromSeconds(30))).Must(new AgentCommands.EndCall(Alice, Call1), At(60));

        var agent = wrapUp.Must(new AgentCommands.Pause(Alice, "coaching"), At(61));

        Assert.Equal(AgentPresence.Paused, agent.Presence);
        Assert.Null(agent.WrapUpEndsAt);
    }

    [Fact]
    public void Agent_should_refuse_to_pause_while_holding_a_call()
    {
        AssertRejected(Reserved().Decide(new AgentCommands.Pause(Alice, "lunch"), At(11)), DeclineReasons.Busy);
        AssertRejected(OnCall().Decide(new AgentCommands.Pause(Alice, "lunch"), At(20)), DeclineReasons.Busy);
    }

    [Fact]
    public void Agent_should_refuse_to_pause_when_offline()
    {
        AssertRejected(Offline().Decide(new AgentCommands.Pause(Alice, "lunch"), At(0)), DeclineReasons.Offline);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Agent_should_refuse_to_pause_without_a_reason(string reason)
    {
        AssertRejected(Available().Decide(new AgentCommands.Pause(Alice, reason), At(0)), "reason");
    }

    [Fact]
    public void Agent_should_noop_the_same_pause_and_record_a_changed_reason()
    {
        var paused = Available().Must(new AgentCommands.Pause(Alice, "lunch"), At(30));

        AssertNoOp(paused.Decide(new AgentCommands.Pause(Alice, "lunch"), At(31)));
        var changed = Single<AgentPaused>(paused.Decide(new AgentCommands.Pause(Alice, "meeting"), At(32)));
        Assert.Equal("meeting", paused.Apply(changed).PauseReason);
    }

    [Fact]
    public void Agent_should_noop_unpause_when_not_paused_and_reject_it_when_offline()
    {
        AssertNoOp(Available().Decide(new AgentCommands.Unpause(Alice), At(0)));
        AssertRejected(Offline().Decide(new AgentCommands.Unpause(Alice), At(0)), DeclineReasons.Offline);
    }
}
