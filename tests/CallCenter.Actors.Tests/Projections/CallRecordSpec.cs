using CallCenter.Actors.Projections;
using CallCenter.Domain;
using static CallCenter.Actors.Tests.Kit.Scripts;
using static CallCenter.Domain.Calls.CallEvents;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>The pure fold from call events to a call record.</summary>
public sealed class CallRecordSpec
{
    private static readonly CallId Call = new("c-1");
    private static readonly AgentId Bob = new("bob");

    [Fact]
    public void CallRecord_should_hold_queue_caller_agent_times_and_durations_of_an_answered_call()
    {
        var record = Fold(
            new CallArrived(Call, "sip:carol@customers.test", Sales, 3, At(0)),
            new CallQueued(Call, Sales, At(1)),
            new CallOffered(Call, Alice, At(12)),
            new CallConnected(Call, Alice, At(20)),
            new CallEnded(Call, CallDisposition.Completed, Alice, At(95.5)));

        Assert.Equal(Sales, record.QueueId);
        Assert.Equal("sip:carol@customers.test", record.Caller);
        Assert.Equal(3, record.Priority);
        Assert.Equal(Alice, record.AgentId);
        Assert.Equal((At(0), At(20), At(95.5)), (record.ArrivedAt, record.AnsweredAt, record.EndedAt));
        Assert.Equal(20, record.WaitSeconds);
        Assert.Equal(75.5, record.TalkSeconds);
        Assert.Equal(CallDisposition.Completed, record.Disposition);
    }

    [Fact]
    public void CallRecord_should_count_wait_until_the_end_and_no_talk_when_nobody_answered()
    {
        var record = Fold(
            new CallArrived(Call, "sip:dave@customers.test", Sales, 0, At(0)),
            new CallQueued(Call, Sales, At(1)),
            new CallEnded(Call, CallDisposition.Abandoned, null, At(42)));

        Assert.Equal(42, record.WaitSeconds);
        Assert.Null(record.TalkSeconds);
        Assert.Null(record.AnsweredAt);
        Assert.Null(record.AgentId);
        Assert.Equal(CallDisposition.Abandoned, record.Disposition);
    }

    [Fact]
    public void CallRecord_should_forget_an_agent_whose_offer_failed_and_keep_the_one_ringing_at_the_end()
    {
        var failed = Fold(
            new CallArrived(Call, "sip:erin@customers.test", Sales, 0, At(0)),
            new CallOffered(Call, Alice, At(5)),
            new CallOfferFailed(Call, Alice, OfferFailure.NoAnswer, 1, At(25)));
        var abandonedWhileRinging = failed
            .Apply(new CallOffered(Call, Bob, At(30)))
            .Apply(new CallEnded(Call, CallDisposition.Abandoned, Bob, At(33)));

        Assert.Null(failed.AgentId);
        Assert.Equal(1, failed.FailedOffers);
        Assert.Equal(Bob, abandonedWhileRinging.AgentId);
        Assert.Equal(33, abandonedWhileRinging.WaitSeconds);
    }

    [Fact]
    public void CallRecord_should_follow_an_overflow_to_the_last_queue_and_have_no_durations_while_waiting()
    {
        var spill = new QueueId("spill");

        var record = Fold(
            new CallArrived(Call, "sip:frank@customers.test", Sales, 0, At(0)),
            new CallQueued(Call, Sales, At(1)),
            new CallQueued(Call, spill, At(61)));

        Assert.Equal(spill, record.QueueId);
        Assert.Null(record.WaitSeconds);
        Assert.Null(record.TalkSeconds);
        Assert.Null(record.Disposition);
    }

    [Fact]
    public void CallRecord_should_ignore_call_events_it_does_not_know()
    {
        var record = Fold(new CallArrived(Call, "sip:gina@customers.test", Sales, 0, At(0)));

        Assert.Same(record, record.Apply(new FutureCallEvent(Call, At(1))));
    }

    private static CallRecord Fold(params ICallEvent[] events) => events.Aggregate(new CallRecord(Call), (r, e) => r.Apply(e));

    private sealed record FutureCallEvent(CallId CallId, DateTimeOffset At) : ICallEvent;
}
