using CallCenter.Domain.Calls;
using static CallCenter.Domain.Tests.Calls.CallFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Calls;

/// <summary>What an agent or queue that recovered holding a call is told to do, from the call's own record.</summary>
public sealed class CallReconcileSpec
{
    private static CallState AbandonedWhileRinging() => Offering().Must(new CallCommands.Hangup(Id, Party.Caller), At(30));

    private static CallState RequeuedAfterNoAnswer() =>
        Offering().Must(new CallCommands.FailOffer(Id, Alice, OfferFailure.NoAnswer), At(40));

    public static TheoryData<string, bool, AgentHoldVerdict> AgentCases => new()
    {
        { "new", false, AgentHoldVerdict.Release },
        { "queued", false, AgentHoldVerdict.Release },
        { "offering", false, AgentHoldVerdict.Keep },
        { "connected", false, AgentHoldVerdict.Connect },
        { "connected", true, AgentHoldVerdict.Keep },
        { "ended", false, AgentHoldVerdict.ConnectAndEnd },
        { "ended", true, AgentHoldVerdict.End },
        { "abandoned-ringing", false, AgentHoldVerdict.Release },
        { "requeued", false, AgentHoldVerdict.Release },
    };

    [Theory]
    [MemberData(nameof(AgentCases))]
    public void Agent_holding_the_call_should_be_told_what_the_call_recorded(string call, bool agentConnected, AgentHoldVerdict expected) =>
        Assert.Equal(expected, Named(call).JudgeAgentHold(Alice, agentConnected));

    [Theory]
    [InlineData(CallPhase.Offering)]
    [InlineData(CallPhase.Connected)]
    [InlineData(CallPhase.Ended)]
    public void Agent_the_call_never_reached_should_give_its_reservation_back(CallPhase phase) =>
        Assert.Equal(AgentHoldVerdict.Release, InPhase(phase).JudgeAgentHold(Bob, agentConnected: false));

    [Fact]
    public void Queue_should_keep_a_live_waiting_or_ringing_call_for_the_call_to_settle() =>
        Assert.All(
            [Arrived(), Queued(), Offering()],
            call => Assert.Equal(QueuePlaceVerdict.Keep, call.JudgeQueuePlace(Sales, call.AgentId)));

    [Fact]
    public void Queue_should_count_an_answered_call_answered_whether_it_has_ended_or_not()
    {
        Assert.Equal(QueuePlaceVerdict.Answered, Connected().JudgeQueuePlace(Sales, Alice));
        Assert.Equal(QueuePlaceVerdict.Answered, Ended().JudgeQueuePlace(Sales, Alice));
    }

    [Fact]
    public void Queue_should_requeue_a_call_that_waits_again_while_it_still_rings_an_agent_there() =>
        Assert.Equal(QueuePlaceVerdict.Requeue, RequeuedAfterNoAnswer().JudgeQueuePlace(Sales, Alice));

    [Fact]
    public void Queue_should_remove_a_call_that_ended_unanswered_or_never_started()
    {
        var abandoned = AbandonedWhileRinging();
        Assert.Equal(QueuePlaceVerdict.Remove, abandoned.JudgeQueuePlace(Sales, Alice));
        Assert.Equal(CallDisposition.Abandoned, abandoned.RemovalDisposition);
        Assert.Equal(QueuePlaceVerdict.Remove, New().JudgeQueuePlace(Sales, null));
        Assert.Equal(CallDisposition.Interrupted, New().RemovalDisposition);
    }

    [Fact]
    public void Queue_should_remove_a_call_answered_from_another_queue_and_leave_an_overflowing_one_alone()
    {
        Assert.Equal(QueuePlaceVerdict.Remove, Connected().JudgeQueuePlace(Overflow, null));
        Assert.Equal(QueuePlaceVerdict.Keep, Queued().JudgeQueuePlace(Overflow, null));
    }

    [Fact]
    public void Removal_of_an_answered_call_should_never_claim_completed() =>
        Assert.Equal(CallDisposition.Interrupted, Ended().RemovalDisposition);

    private static CallState Named(string call) => call switch
    {
        "new" => New(),
        "queued" => Queued(),
        "offering" => Offering(),
        "connected" => Connected(),
        "ended" => Ended(),
        "abandoned-ringing" => AbandonedWhileRinging(),
        _ => RequeuedAfterNoAnswer(),
    };
}
