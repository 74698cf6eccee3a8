using CallCenter.Domain.Calls;
using static CallCenter.Domain.Calls.CallEvents;
using static CallCenter.Domain.Tests.Calls.CallFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Calls;

public sealed class CallFlowSpec
{
    private sealed record Unknown(CallId CallId) : ICallCommand;

    private sealed record Alien(CallId CallId, DateTimeOffset At) : ICallEvent;

    [Fact]
    public void Call_should_arrive_with_caller_queue_and_priority()
    {
        var (state, result, events) = New().Run(new CallCommands.Receive(Id, "sip:carol@example.test", Sales, 2), At(0));

        Assert.True(result.IsOk);
        Assert.Equal(new CallArrived(Id, "sip:carol@example.test", Sales, 2, At(0)), Assert.Single(events));
        Assert.Equal(CallPhase.Arrived, state.Phase);
        Assert.Equal((Sales, 2, At(0)), (state.QueueId!.Value, state.Priority, state.ArrivedAt!.Value));
    }

    [Fact]
    public void Call_should_noop_a_duplicate_arrival_and_reject_a_different_one()
    {
        AssertNoOp(Arrived().Decide(new CallCommands.Receive(Id, "sip:carol@example.test", Sales, 2), At(1)));
        AssertRejected(Arrived().Decide(new CallCommands.Receive(Id, "sip:mallory@example.test", Sales, 2), At(1)), "already arrived");
    }

    [Fact]
    public void Call_should_reject_an_arrival_without_caller()
    {
        AssertRejected(New().Decide(new CallCommands.Receive(Id, " ", Sales), At(0)), "caller");
    }

    [Fact]
    public void Call_should_be_queued_after_arrival()
    {
        var (state, _, events) = Arrived().Run(new CallCommands.Enqueue(Id, Sales), At(1));

        Assert.Equal(new CallQueued(Id, Sales, At(1)), Assert.Single(events));
        Assert.Equal(CallPhase.Queued, state.Phase);
    }

    [Fact]
    public void Call_should_noop_enqueue_into_its_own_queue_and_move_to_an_overflow_queue()
    {
        AssertNoOp(Queued().Decide(new CallCommands.Enqueue(Id, Sales), At(2)));
        AssertNoOp(Offering().Decide(new CallCommands.Enqueue(Id, Sales), At(21)));

        var moved = Queued().Must(new CallCommands.Enqueue(Id, Overflow), At(60));

        Assert.Equal((CallPhase.Queued, Overflow), (moved.Phase, moved.QueueId!.Value));
    }

    [Theory]
    [InlineData(CallPhase.New)]
    [InlineData(CallPhase.Offering)]
    [InlineData(CallPhase.Connected)]
    [InlineData(CallPhase.Ended)]
    public void Call_should_reject_enqueue_into_another_queue_unless_arrived_or_queued(CallPhase phase)
    {
        AssertRejected(InPhase(phase).Decide(new CallCommands.Enqueue(Id, Overflow), At(90)));
    }

    [Fact]
    public void Call_should_ring_one_agent_when_offered()
    {
        var (state, _, events) = Queued().Run(new CallCommands.Offer(Id, Alice), At(20));

        Assert.Equal(new CallOffered(Id, Alice, At(20)), Assert.Single(events));
        Assert.Equal((CallPhase.Offering, Alice), (state.Phase, state.AgentId!.Value));
    }

    [Fact]
    public void Call_should_never_be_offered_to_a_second_agent()
    {
        AssertNoOp(Offering().Decide(new CallCommands.Offer(Id, Alice), At(21)));
        AssertRejected(Offering().Decide(new CallCommands.Offer(Id, Bob), At(21)), "alice");
        AssertRejected(Connected().Decide(new CallCommands.Offer(Id, Bob), At(30)), "alice");
    }

    [Theory]
    [InlineData(CallPhase.New)]
    [InlineData(CallPhase.Arrived)]
    [InlineData(CallPhase.Ended)]
    public void Call_should_reject_an_offer_when_not_queued(CallPhase phase)
    {
        AssertRejected(InPhase(phase).Decide(new CallCommands.Offer(Id, Bob), At(90)));
    }

    [Fact]
    public void Call_should_connect_the_offered_agent_and_record_the_answer()
    {
        var (state, _, events) = Offering().Run(new CallCommands.Connect(Id, Alice), At(25));

        Assert.Equal(new CallConnected(Id, Alice, At(25)), Assert.Single(events));
        Assert.Equal((CallPhase.Connected, At(25)), (state.Phase, state.AnsweredAt!.Value));
        Assert.Equal(TimeSpan.FromSeconds(25), state.WaitTime);
    }

    [Fact]
    public void Call_should_noop_a_duplicate_connect_and_reject_connecting_another_agent()
    {
        AssertNoOp(Connected().Decide(new CallCommands.Connect(Id, Alice), At(26)));
        AssertRejected(Offering().Decide(new CallCommands.Connect(Id, Bob), At(26)), "bob");
        AssertRejected(Queued().Decide(new CallCommands.Connect(Id, Alice), At(26)));
    }

    [Fact]
    public void Call_should_go_back_to_queued_with_one_more_attempt_when_an_offer_fails()
    {
        var (state, _, events) = Offering().Run(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(40));

        Assert.Equal(new CallOfferFailed(Id, Alice, OfferFailure.NoAnswer, 1, At(40)), Assert.Single(events));
        Assert.Equal((CallPhase.Queued, 1), (state.Phase, state.Attempts));
        Assert.Null(state.AgentId);

        var again = state.Must(new CallCommands.Offer(Id, Bob), At(41)).Must(new CallCommands.FailOffer(Id, Bob, OfferFailure.Busy), At(42));
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public void Call_should_noop_a_late_failure_about_an_earlier_offer()
    {
        var reOffered = Offering()
            .Must(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(40))
            .Must(new CallCommands.Offer(Id, Bob), At(41));

        AssertNoOp(reOffered.Decide(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(42)));
        AssertNoOp(Queued().Decide(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(42)));
    }

    [Fact]
    public void Call_should_reject_an_offer_failure_once_answered_or_never_offered()
    {
        AssertRejected(Connected().Decide(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(30)), "answered");
        AssertRejected(Arrived().Decide(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(30)), "never offered");
        AssertRejected(Offering().Decide(new CallCommands.FailOffer(Id, Alice, (OfferFailure)42), At(30)), "unknown");
    }

    [Fact]
    public void Call_should_reject_commands_for_another_call_and_unknown_commands()
    {
        AssertRejected(Queued().Decide(new CallCommands.Offer(new CallId("c-2"), Alice), At(5)), "c-2");
        AssertRejected(Queued().Decide(new Unknown(Id), At(5)), "Unknown");
        AssertRejected(Queued().Decide(null!, At(5)));
    }

    [Fact]
    public void Call_should_throw_unreachable_when_applying_an_unknown_event()
    {
        Assert.Throws<UnreachableException>(() => Queued().Apply(new Alien(Id, At(0))));
    }
}
