using CallCenter.Domain.Queues;
using static CallCenter.Domain.Queues.QueueEvents;
using static CallCenter.Domain.Tests.Kit.Steps;
using static CallCenter.Domain.Tests.Queues.QueueFixtures;

namespace CallCenter.Domain.Tests.Queues;

public sealed class QueueConfigurationSpec
{
    private sealed record Unknown(QueueId QueueId) : IQueueCommand;

    private sealed record Alien(QueueId QueueId, DateTimeOffset At) : IQueueEvent;

    [Fact]
    public void Queue_should_have_sensible_defaults()
    {
        var settings = new QueueState(Sales).Settings;

        Assert.Equal("round-robin", settings.Strategy);
        Assert.Equal(100, settings.MaxSize);
        Assert.Null(settings.MaxWait);
        Assert.Equal(NoAgentsPolicy.Wait, settings.WhenNoAgents);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.RingTimeout);
        Assert.Null(settings.Validate(Sales));
    }

    [Fact]
    public void Queue_should_record_new_settings_and_noop_identical_ones()
    {
        var settings = QueueSettings.Default with { Strategy = "longest-idle", MaxWait = TimeSpan.FromMinutes(5) };

        var (state, _, events) = new QueueState(Sales).Run(new QueueCommands.Configure(Sales, settings), At(0));

        Assert.Equal(new QueueConfigured(Sales, settings, At(0)), Assert.Single(events));
        Assert.Equal(settings, state.Settings);
        AssertNoOp(state.Decide(new QueueCommands.Configure(Sales, settings with { }), At(1)));
    }

    public static TheoryData<QueueSettings, string> InvalidSettings() => new()
    {
        { QueueSettings.Default with { Strategy = "random-ish" }, "round-robin, longest-idle, fewest-calls" },
        { QueueSettings.Default with { MaxSize = 0 }, "max size" },
        { QueueSettings.Default with { MaxWait = TimeSpan.Zero }, "max wait" },
        { QueueSettings.Default with { LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(-1) }, "no-agents" },
        { QueueSettings.Default with { MaxAttempts = -1 }, "max attempts" },
        { QueueSettings.Default with { RingTimeout = TimeSpan.Zero }, "ring timeout" },
        { QueueSettings.Default with { MaxAttemptsDisposition = CallDisposition.Completed }, "disposition" },
        { QueueSettings.Default with { WhenFull = QueueFullPolicy.Overflow }, "overflow queue" },
        { QueueSettings.Default with { WhenNoAgents = NoAgentsPolicy.Overflow }, "overflow queue" },
        { QueueSettings.Default with { WhenMaxWait = MaxWaitPolicy.Overflow, OverflowQueue = Sales }, "itself" },
        { QueueSettings.Default with { WhenFull = (QueueFullPolicy)5 }, "policy" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Queue_should_reject_unusable_settings(QueueSettings settings, string reason)
    {
        AssertRejected(new QueueState(Sales).Decide(new QueueCommands.Configure(Sales, settings), At(0)), reason);
    }

    [Fact]
    public void Queue_should_record_staffing_changes_and_when_it_became_unstaffed()
    {
        var staffed = Empty(agents: 0).Must(new QueueCommands.UpdateStaffing(Sales, 2), At(5));
        var (unstaffed, _, events) = staffed.Run(new QueueCommands.UpdateStaffing(Sales, 0), At(9));

        Assert.Equal(new StaffingChanged(Sales, 0, At(9)), Assert.Single(events));
        Assert.Equal((0, At(9)), (unstaffed.LoggedInAgents, unstaffed.UnstaffedSince!.Value));
        AssertNoOp(staffed.Decide(new QueueCommands.UpdateStaffing(Sales, 2), At(6)));
        AssertRejected(staffed.Decide(new QueueCommands.UpdateStaffing(Sales, -1), At(6)), "negative");
    }

    [Fact]
    public void Queue_should_reject_commands_for_another_queue_and_unknown_commands()
    {
        AssertRejected(Empty().Decide(new QueueCommands.Tick(Spill), At(0)), "spill");
        AssertRejected(Empty().Decide(new Unknown(Sales), At(0)), "Unknown");
        AssertRejected(Empty().Decide(null!, At(0)));
    }

    [Fact]
    public void Queue_should_throw_unreachable_when_applying_an_unknown_event()
    {
        Assert.Throws<UnreachableException>(() => Empty().Apply(new Alien(Sales, At(0))));
    }
}
