using CallCenter.Domain.Queues;
using static CallCenter.Domain.Queues.QueueEvents;
using static CallCenter.Domain.Tests.Kit.Steps;
using static CallCenter.Domain.Tests.Queues.QueueFixtures;

namespace CallCenter.Domain.Tests.Queues;

public sealed class QueueOrderSpec
{
    [Fact]
    public void Queue_should_add_a_call_at_the_back_and_report_its_position()
    {
        var (state, _, events) = With(2).Run(new QueueCommands.Enqueue(Sales, C(3)), At(3));

        Assert.Equal(new CallJoined(Sales, C(3), 0, At(3)), Assert.Single(events));
        Assert.Equal([C(1), C(2), C(3)], state.WaitingIds());
        Assert.Equal(3, state.PositionOf(C(3)));
        Assert.Equal(3, state.Length);
        Assert.Equal(C(1), state.Head!.CallId);
        Assert.Equal(3, state.Statistics.Offered);
    }

    [Fact]
    public void Queue_should_serve_higher_priority_first_then_arrival()
    {
        var state = Empty()
            .Must(new QueueCommands.Enqueue(Sales, C(1), 0), At(1))
            .Must(new QueueCommands.Enqueue(Sales, C(2), 5), At(2))
            .Must(new QueueCommands.Enqueue(Sales, C(3), 0), At(3))
            .Must(new QueueCommands.Enqueue(Sales, C(4), 5), At(4))
            .Must(new QueueCommands.Enqueue(Sales, C(5), 9), At(5));

        Assert.Equal([C(5), C(2), C(4), C(1), C(3)], state.WaitingIds());
        Assert.Equal([1, 2, 3, 4, 5], state.WaitingIds().Select(id => state.PositionOf(id)!.Value));
    }

    [Fact]
    public void Queue_should_noop_a_call_that_is_already_in_it()
    {
        AssertNoOp(With(2).Decide(new QueueCommands.Enqueue(Sales, C(1)), At(9)));
    }

    [Fact]
    public void Queue_should_take_a_ringing_call_out_of_the_positions()
    {
        var (state, _, events) = With(3).Run(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10));

        Assert.Equal(new OfferStarted(Sales, C(1), Alice, At(10)), Assert.Single(events));
        Assert.Null(state.PositionOf(C(1)));
        Assert.Equal((1, 2), (state.PositionOf(C(2))!.Value, state.PositionOf(C(3))!.Value));
        Assert.Equal(2, state.Length);
        Assert.Equal(3, state.Calls.Length);
        Assert.Equal(C(2), state.Head!.CallId);
    }

    [Fact]
    public void Queue_should_report_no_position_for_an_unknown_call_and_no_head_when_empty()
    {
        Assert.Null(With(1).PositionOf(C(9)));
        Assert.Null(Empty().Head);
        Assert.Equal(0, Empty().Length);
    }

    [Fact]
    public void Queue_should_put_a_call_whose_offer_failed_back_at_the_head()
    {
        var state = With(3).Must(new QueueCommands.StartOffer(Sales, C(2), Alice), At(10));

        var (after, _, events) = state.Run(new QueueCommands.Requeue(Sales, C(2), Alice, OfferFailure.NoAnswer), At(30));

        Assert.Equal(new CallRequeued(Sales, C(2), Alice, OfferFailure.NoAnswer, 1, At(30)), Assert.Single(events));
        Assert.Equal([C(2), C(1), C(3)], after.WaitingIds());
        Assert.Equal(1, after.Find(C(2))!.Attempts);
        Assert.Equal(At(2), after.Find(C(2))!.EnqueuedAt);
    }

    [Fact]
    public void Queue_should_give_a_requeued_call_an_order_no_ringing_call_has()
    {
        var state = With(3)
            .Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10))
            .Must(new QueueCommands.StartOffer(Sales, C(3), Bob), At(10));

        var after = state.Must(new QueueCommands.Requeue(Sales, C(3), Bob, OfferFailure.Busy), At(20));

        Assert.Equal([C(3), C(2)], after.WaitingIds());
        Assert.Equal(3, after.Calls.Select(c => c.Order).Distinct().Count());
    }

    [Fact]
    public void Queue_should_keep_a_requeued_call_behind_higher_priorities()
    {
        var state = With(1)
            .Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10))
            .Must(new QueueCommands.Enqueue(Sales, C(2), 3), At(11))
            .Must(new QueueCommands.Enqueue(Sales, C(3), 0), At(12));

        var after = state.Must(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.Declined), At(20));

        Assert.Equal([C(2), C(1), C(3)], after.WaitingIds());
    }

    [Fact]
    public void Queue_should_report_the_longest_wait_of_the_calls_present()
    {
        var state = With(3).Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10));

        Assert.Equal(TimeSpan.FromSeconds(59), state.LongestWait(At(60)));
        Assert.Equal(TimeSpan.Zero, Empty().LongestWait(At(60)));
    }
}
