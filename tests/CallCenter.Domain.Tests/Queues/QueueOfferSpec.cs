using CallCenter.Domain.Queues;
using static CallCenter.Domain.Queues.QueueEvents;
using static CallCenter.Domain.Tests.Kit.Steps;
using static CallCenter.Domain.Tests.Queues.QueueFixtures;

namespace CallCenter.Domain.Tests.Queues;

public sealed class QueueOfferSpec
{
    private static QueueState Ringing() => With(2).Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10));

    [Fact]
    public void Queue_should_noop_a_repeated_offer_and_reject_a_second_agent()
    {
        AssertNoOp(Ringing().Decide(new QueueCommands.StartOffer(Sales, C(1), Alice), At(11)));
        AssertRejected(Ringing().Decide(new QueueCommands.StartOffer(Sales, C(1), Bob), At(11)), "alice");
    }

    [Fact]
    public void Queue_should_reject_offering_a_call_it_does_not_hold()
    {
        AssertRejected(Ringing().Decide(new QueueCommands.StartOffer(Sales, C(9), Alice), At(11)), "not in queue");
    }

    [Fact]
    public void Queue_should_noop_a_requeue_about_a_settled_offer()
    {
        AssertNoOp(Ringing().Decide(new QueueCommands.Requeue(Sales, C(1), Bob, OfferFailure.NoAnswer), At(20)));
        AssertNoOp(Ringing().Decide(new QueueCommands.Requeue(Sales, C(2), Alice, OfferFailure.NoAnswer), At(20)));
        AssertNoOp(Ringing().Decide(new QueueCommands.Requeue(Sales, C(9), Alice, OfferFailure.NoAnswer), At(20)));
        AssertRejected(Ringing().Decide(new QueueCommands.Requeue(Sales, C(1), Alice, (OfferFailure)12), At(20)), "unknown");
    }

    [Fact]
    public void Queue_should_end_a_call_with_the_configured_disposition_after_max_attempts()
    {
        var state = With(1, QueueSettings.Default with { MaxAttempts = 2, MaxAttemptsDisposition = CallDisposition.Timeout });
        state = state.Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(5))
            .Must(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.NoAnswer), At(25))
            .Must(new QueueCommands.StartOffer(Sales, C(1), Bob), At(26));

        var (after, _, events) = state.Run(new QueueCommands.Requeue(Sales, C(1), Bob, OfferFailure.Busy), At(27));

        Assert.Equal(
            new CallDiverted(Sales, C(1), DiversionReason.MaxAttempts, null, CallDisposition.Timeout, At(27)),
            Assert.Single(events));
        Assert.Empty(after.Calls);
        Assert.Equal(1, after.Statistics.TimedOut);
    }

    [Fact]
    public void Queue_should_remember_which_agents_failed_a_call_most_recent_last()
    {
        var state = With(1, QueueSettings.Default with { MaxAttempts = 0 })
            .Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10))
            .Must(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.NoAnswer), At(30))
            .Must(new QueueCommands.StartOffer(Sales, C(1), Bob), At(31))
            .Must(new QueueCommands.Requeue(Sales, C(1), Bob, OfferFailure.Busy), At(32))
            .Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(33))
            .Must(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.Declined), At(34));

        Assert.Equal([Bob, Alice], state.Find(C(1))!.FailedAgents.ToArray());
        Assert.Empty(With(1).Find(C(1))!.FailedAgents);
    }

    [Fact]
    public void Queued_calls_should_compare_failed_agents_by_value()
    {
        var call = new QueuedCall(C(1), 0, 0, T0) { FailedAgents = [Alice, Bob] };

        Assert.Equal(call, call with { FailedAgents = [.. new[] { Alice, Bob }] });
        Assert.NotEqual(call, call with { FailedAgents = [Bob, Alice] });
        Assert.Equal(call.GetHashCode(), (call with { FailedAgents = [Alice, Bob] }).GetHashCode());
    }

    [Fact]
    public void Queue_should_retry_forever_when_max_attempts_is_zero()
    {
        var state = With(1, QueueSettings.Default with { MaxAttempts = 0 });
        for (var i = 0; i < 25; i++)
        {
            state = state.Must(new QueueCommands.StartOffer(Sales, C(1), Alice), At(10 + (2 * i)))
                .Must(new QueueCommands.Requeue(Sales, C(1), Alice, OfferFailure.NoAnswer), At(11 + (2 * i)));
        }

        Assert.Equal(25, state.Find(C(1))!.Attempts);
    }

    [Fact]
    public void Queue_should_let_an_answered_call_go_and_count_its_wait()
    {
        var (state, _, events) = Ringing().Run(new QueueCommands.MarkAnswered(Sales, C(1), Alice), At(16));

        Assert.Equal(new CallAnswered(Sales, C(1), Alice, At(16)), Assert.Single(events));
        Assert.Null(state.Find(C(1)));
        Assert.Equal(1, state.Statistics.Answered);
        Assert.Equal(TimeSpan.FromSeconds(15), state.Statistics.TotalAnswerWait);
    }

    [Fact]
    public void Queue_should_noop_a_repeated_answer_and_reject_an_answer_by_the_wrong_agent()
    {
        var answered = Ringing().Must(new QueueCommands.MarkAnswered(Sales, C(1), Alice), At(16));

        AssertNoOp(answered.Decide(new QueueCommands.MarkAnswered(Sales, C(1), Alice), At(17)));
        AssertRejected(Ringing().Decide(new QueueCommands.MarkAnswered(Sales, C(1), Bob), At(17)), "bob");
        AssertRejected(Ringing().Decide(new QueueCommands.MarkAnswered(Sales, C(2), Alice), At(17)), "not ringing");
    }

    [Theory]
    [InlineData(CallDisposition.Abandoned)]
    [InlineData(CallDisposition.Failed)]
    [InlineData(CallDisposition.Interrupted)]
    public void Queue_should_remove_a_call_that_ended_while_waiting_or_ringing(CallDisposition disposition)
    {
        var (state, _, events) = Ringing().Run(new QueueCommands.Remove(Sales, C(1), disposition), At(12));
        var (state2, _, _) = state.Run(new QueueCommands.Remove(Sales, C(2), disposition), At(13));

        Assert.Equal(new CallRemoved(Sales, C(1), disposition, At(12)), Assert.Single(events));
        Assert.Empty(state2.Calls);
        var counted = disposition == CallDisposition.Abandoned ? state2.Statistics.Abandoned : state2.Statistics.Failed;
        Assert.Equal(2, counted);
    }

    [Fact]
    public void Queue_should_noop_removing_an_absent_call_and_reject_removing_as_completed()
    {
        AssertNoOp(Ringing().Decide(new QueueCommands.Remove(Sales, C(9), CallDisposition.Abandoned), At(12)));
        AssertRejected(Ringing().Decide(new QueueCommands.Remove(Sales, C(1), CallDisposition.Completed), At(12)), "MarkAnswered");
    }
}
