using CallCenter.Domain.Calls;
using static CallCenter.Domain.Calls.CallEvents;
using static CallCenter.Domain.Tests.Calls.CallFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Calls;

public sealed class CallEndSpec
{
    [Theory]
    [InlineData(CallPhase.Arrived)]
    [InlineData(CallPhase.Queued)]
    [InlineData(CallPhase.Offering)]
    public void Call_should_be_abandoned_when_the_caller_hangs_up_before_an_answer(CallPhase phase)
    {
        var (state, _, events) = InPhase(phase).Run(new CallCommands.Hangup(Id, Party.Caller), At(50));

        var ended = Assert.IsType<CallEnded>(Assert.Single(events));
        Assert.Equal(CallDisposition.Abandoned, ended.Disposition);
        Assert.Equal(phase == CallPhase.Offering ? Alice : null, ended.AgentId);
        Assert.Equal(TimeSpan.FromSeconds(50), state.WaitTime);
        Assert.Null(state.TalkTime);
    }

    [Theory]
    [InlineData(Party.Caller)]
    [InlineData(Party.Agent)]
    public void Call_should_be_completed_when_either_side_hangs_up_once_connected(Party by)
    {
        var (state, _, events) = Connected().Run(new CallCommands.Hangup(Id, by), At(85));

        Assert.Equal(new CallEnded(Id, CallDisposition.Completed, Alice, At(85)), Assert.Single(events));
        Assert.True(state.IsEnded);
        Assert.Equal(TimeSpan.FromSeconds(25), state.WaitTime);
        Assert.Equal(TimeSpan.FromSeconds(60), state.TalkTime);
    }

    [Theory]
    [InlineData(CallPhase.Queued)]
    [InlineData(CallPhase.Offering)]
    public void Call_should_reject_an_agent_hangup_before_the_agent_answered(CallPhase phase)
    {
        AssertRejected(InPhase(phase).Decide(new CallCommands.Hangup(Id, Party.Agent), At(30)), "not connected");
    }

    [Fact]
    public void Call_should_reject_a_hangup_before_arrival_or_by_an_unknown_party()
    {
        AssertRejected(New().Decide(new CallCommands.Hangup(Id, Party.Caller), At(0)));
        AssertRejected(Connected().Decide(new CallCommands.Hangup(Id, (Party)9), At(30)));
    }

    [Theory]
    [InlineData(CallPhase.Arrived, CallDisposition.Completed, false)]
    [InlineData(CallPhase.Queued, CallDisposition.Completed, false)]
    [InlineData(CallPhase.Offering, CallDisposition.Completed, false)]
    [InlineData(CallPhase.Connected, CallDisposition.Completed, true)]
    [InlineData(CallPhase.Arrived, CallDisposition.Rejected, true)]
    [InlineData(CallPhase.Queued, CallDisposition.Rejected, true)]
    [InlineData(CallPhase.Connected, CallDisposition.Rejected, false)]
    [InlineData(CallPhase.Queued, CallDisposition.Timeout, true)]
    [InlineData(CallPhase.Offering, CallDisposition.Timeout, true)]
    [InlineData(CallPhase.Connected, CallDisposition.Timeout, false)]
    [InlineData(CallPhase.Offering, CallDisposition.Abandoned, true)]
    [InlineData(CallPhase.Connected, CallDisposition.Abandoned, false)]
    [InlineData(CallPhase.Arrived, CallDisposition.Failed, true)]
    [InlineData(CallPhase.Connected, CallDisposition.Failed, true)]
    [InlineData(CallPhase.Queued, CallDisposition.Interrupted, true)]
    [InlineData(CallPhase.Connected, CallDisposition.Interrupted, true)]
    [InlineData(CallPhase.New, CallDisposition.Failed, false)]
    [InlineData(CallPhase.New, CallDisposition.Interrupted, false)]
    [InlineData(CallPhase.Queued, (CallDisposition)77, false)]
    public void Call_should_end_only_with_a_disposition_that_fits_its_phase(CallPhase phase, CallDisposition disposition, bool allowed)
    {
        var state = InPhase(phase);

        var decision = state.Decide(new CallCommands.End(Id, disposition), At(90));

        if (allowed)
        {
            Assert.Equal(new CallEnded(Id, disposition, state.AgentId, At(90)), Assert.Single(decision.Events));
            Assert.Equal(disposition, state.Apply(decision.Events[0]).Disposition);
        }
        else
        {
            AssertRejected(decision);
        }
    }

    public static TheoryData<ICallCommand> EveryCommand() =>
    [
        new CallCommands.Receive(Id, "sip:carol@example.test", Sales, 2),
        new CallCommands.Receive(Id, "sip:other@example.test", Sales),
        new CallCommands.Enqueue(Id, Sales),
        new CallCommands.Enqueue(Id, Overflow),
        new CallCommands.Offer(Id, Alice),
        new CallCommands.Offer(Id, Bob),
        new CallCommands.Connect(Id, Alice),
        new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer),
        new CallCommands.Hangup(Id, Party.Caller),
        new CallCommands.Hangup(Id, Party.Agent),
        new CallCommands.End(Id, CallDisposition.Completed),
        new CallCommands.End(Id, CallDisposition.Failed),
        new CallCommands.End(Id, CallDisposition.Interrupted),
    ];

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Call_should_never_change_after_it_ended(ICallCommand command)
    {
        var decision = Ended().Decide(command, At(100));

        Assert.NotEqual(ResultCode.Ok, decision.Result.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Call_should_noop_a_second_end_whatever_its_disposition()
    {
        var ended = Queued().Must(new CallCommands.End(Id, CallDisposition.Timeout), At(60));

        AssertNoOp(ended.Decide(new CallCommands.End(Id, CallDisposition.Failed), At(61)));
        AssertNoOp(ended.Decide(new CallCommands.Hangup(Id, Party.Caller), At(61)));
        Assert.Equal(CallDisposition.Timeout, ended.Disposition);
    }
}
