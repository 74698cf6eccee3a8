using CallCenter.Domain.Queues;
using static CallCenter.Domain.Queues.QueueEvents;
using static CallCenter.Domain.Tests.Kit.Steps;
using static CallCenter.Domain.Tests.Queues.QueueFixtures;

namespace CallCenter.Domain.Tests.Queues;

public sealed class QueueLimitsSpec
{
    private static readonly QueueSettings TwoPlaces = QueueSettings.Default with { MaxSize = 2 };
    private static readonly QueueSettings OneMinute = QueueSettings.Default with { MaxWait = TimeSpan.FromSeconds(60) };

    [Fact]
    public void Queue_should_reject_a_call_when_full()
    {
        var (state, result, events) = With(2, TwoPlaces).Run(new QueueCommands.Enqueue(Sales, C(3)), At(3));

        Assert.True(result.IsOk);
        Assert.Equal(new CallDiverted(Sales, C(3), DiversionReason.Full, null, CallDisposition.Rejected, At(3)), Assert.Single(events));
        Assert.Equal(2, state.Calls.Length);
        Assert.Equal((3, 1), (state.Statistics.Offered, state.Statistics.Rejected));
    }

    [Fact]
    public void Queue_should_count_ringing_calls_towards_its_size()
    {
        var state = With(2, TwoPlaces).Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(3));

        var diverted = Assert.IsType<CallDiverted>(Assert.Single(state.Decide(new QueueCommands.Enqueue(Sales, C(3)), At(4)).Events));

        Assert.Equal(DiversionReason.Full, diverted.Reason);
    }

    [Fact]
    public void Queue_should_overflow_a_call_when_full_and_so_configured()
    {
        var settings = TwoPlaces with { WhenFull = QueueFullPolicy.Overflow, OverflowQueue = Spill };

        var (state, _, events) = With(2, settings).Run(new QueueCommands.Enqueue(Sales, C(3)), At(3));

        Assert.Equal(new CallDiverted(Sales, C(3), DiversionReason.Full, Spill, null, At(3)), Assert.Single(events));
        Assert.Equal(1, state.Statistics.Overflowed);
    }

    [Fact]
    public void Queue_should_expose_the_next_max_wait_deadline()
    {
        Assert.Equal(At(61), With(3, OneMinute).NextDeadline);
        Assert.Null(With(3).NextDeadline);
        Assert.Null(Empty(OneMinute).NextDeadline);
    }

    [Fact]
    public void Queue_should_time_out_every_call_past_max_wait_on_tick()
    {
        var state = With(3, OneMinute);

        AssertNoOp(state.Decide(new QueueCommands.Tick(Sales), At(60)));
        var (after, _, events) = state.Run(new QueueCommands.Tick(Sales), At(62));

        Assert.Equal(
            [
                new CallDiverted(Sales, C(1), DiversionReason.MaxWait, null, CallDisposition.Timeout, At(62)),
                new CallDiverted(Sales, C(2), DiversionReason.MaxWait, null, CallDisposition.Timeout, At(62)),
            ],
            events.ToArray());
        Assert.Equal([C(3)], after.WaitingIds());
        Assert.Equal(At(63), after.NextDeadline);
        Assert.Equal(2, after.Statistics.TimedOut);
    }

    [Fact]
    public void Queue_should_overflow_calls_past_max_wait_when_so_configured()
    {
        var settings = OneMinute with { WhenMaxWait = MaxWaitPolicy.Overflow, OverflowQueue = Spill };

        var events = With(1, settings).Decide(new QueueCommands.Tick(Sales), At(61)).Events;

        Assert.Equal(new CallDiverted(Sales, C(1), DiversionReason.MaxWait, Spill, null, At(61)), Assert.Single(events));
    }

    [Fact]
    public void Queue_should_not_time_out_a_ringing_call_until_it_waits_again()
    {
        var ringing = With(1, OneMinute).Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(50));

        Assert.Null(ringing.NextDeadline);
        AssertNoOp(ringing.Decide(new QueueCommands.Tick(Sales), At(70)));

        var events = ringing.Decide(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.NoAnswer), At(70)).Events;
        Assert.Collection(
            events,
            e => Assert.IsType<CallRequeued>(e),
            e => Assert.Equal(new CallDiverted(Sales, C(1), DiversionReason.MaxWait, null, CallDisposition.Timeout, At(70)), e));
    }

    [Fact]
    public void Queue_should_keep_calls_waiting_without_agents_by_default()
    {
        var state = With(2, agents: 0);

        Assert.Null(state.NextDeadline);
        AssertNoOp(state.Decide(new QueueCommands.Tick(Sales), At(3600)));
    }

    [Fact]
    public void Queue_should_let_calls_leave_after_the_configured_time_without_agents()
    {
        var settings = QueueSettings.Default with { WhenNoAgents = NoAgentsPolicy.Leave, LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(30) };
        var state = With(2, settings).Must(new QueueCommands.UpdateStaffing(Sales, 0), At(10));

        Assert.Equal(At(40), state.NextDeadline);
        var events = state.Decide(new QueueCommands.Tick(Sales), At(40)).Events;

        Assert.Equal(2, events.Length);
        Assert.All(events, e => Assert.Equal(
            (DiversionReason.NoAgents, CallDisposition.Timeout),
            (((CallDiverted)e).Reason, ((CallDiverted)e).Disposition!.Value)));
    }

    [Fact]
    public void Queue_should_count_the_no_agent_time_from_the_later_of_joining_and_the_last_logout()
    {
        var settings = QueueSettings.Default with { WhenNoAgents = NoAgentsPolicy.Leave, LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(30) };
        var state = With(1, settings).Must(new QueueCommands.UpdateStaffing(Sales, 0), At(10))
            .Must(new QueueCommands.Enqueue(Sales, C(2)), At(20));

        Assert.Equal(At(40), state.DeadlineOf(state.Find(C(1))!)!.Value.At);
        Assert.Equal(At(50), state.DeadlineOf(state.Find(C(2))!)!.Value.At);
    }

    [Fact]
    public void Queue_should_cancel_the_no_agent_deadline_when_an_agent_logs_in()
    {
        var settings = QueueSettings.Default with { WhenNoAgents = NoAgentsPolicy.Leave, LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(30) };
        var state = With(1, settings).Must(new QueueCommands.UpdateStaffing(Sales, 0), At(10))
            .Must(new QueueCommands.UpdateStaffing(Sales, 1), At(20));

        Assert.Null(state.NextDeadline);
        Assert.Null(state.UnstaffedSince);
    }

    [Fact]
    public void Queue_should_divert_an_arriving_call_at_once_when_it_may_not_wait_without_agents()
    {
        var settings = QueueSettings.Default with { WhenNoAgents = NoAgentsPolicy.Overflow, OverflowQueue = Spill };

        var (state, _, events) = Empty(settings, agents: 0).Run(new QueueCommands.Enqueue(Sales, C(1)), At(5));

        Assert.Collection(
            events,
            e => Assert.IsType<CallJoined>(e),
            e => Assert.Equal(new CallDiverted(Sales, C(1), DiversionReason.NoAgents, Spill, null, At(5)), e));
        Assert.Empty(state.Calls);
        Assert.Equal((1, 1), (state.Statistics.Offered, state.Statistics.Overflowed));
    }

    [Fact]
    public void Queue_should_pick_the_earlier_deadline_when_both_apply()
    {
        var settings = OneMinute with { WhenNoAgents = NoAgentsPolicy.Leave, LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(90) };
        var state = With(1, settings, agents: 0);

        Assert.Equal((At(61), DiversionReason.MaxWait), state.DeadlineOf(state.Find(C(1))!)!.Value);
    }
}
