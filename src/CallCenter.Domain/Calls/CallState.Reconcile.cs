namespace CallCenter.Domain.Calls;

/// <summary>What an agent that holds a call must do to agree with the call's own record.</summary>
public enum AgentHoldVerdict
{
    /// <summary>The call rings or talks to this agent, as the agent believes: nothing to do.</summary>
    Keep,

    /// <summary>The call is connected to this agent but the agent still holds it as reserved.</summary>
    Connect,

    /// <summary>The call was answered by this agent and has ended since, before the agent heard of the answer.</summary>
    ConnectAndEnd,

    /// <summary>The call was answered by this agent and has ended since.</summary>
    End,

    /// <summary>The call never reached this agent, went elsewhere or ended unanswered: the reservation is stale.</summary>
    Release,
}

/// <summary>What a queue that lists a call must do to agree with the call's own record.</summary>
public enum QueuePlaceVerdict
{
    /// <summary>The call is still live in this queue (or on its way): the call itself will settle its place.</summary>
    Keep,

    /// <summary>The call was answered by <see cref="CallState.AgentId"/>: the queue counts it answered.</summary>
    Answered,

    /// <summary>The call waits again, yet the queue still has it ringing an agent: the offer failed.</summary>
    Requeue,

    /// <summary>The call ended unanswered (or never started): the place goes, with <see cref="CallState.Disposition"/>.</summary>
    Remove,
}

// Reconciliation after a restart. The agent and queue journals are written before the messages that tell the call (and
// vice versa), so a process that dies in between leaves them disagreeing. The call's journal is the authority on the
// call; these verdicts tell the other side how to catch up. Each resulting command is idempotent on the receiver, so a
// verdict acted on twice (the live call settling the same thing) changes nothing the second time.
public sealed partial record CallState
{
    public AgentHoldVerdict JudgeAgentHold(AgentId agentId, bool agentConnected)
    {
        var answeredByAgent = AgentId == agentId && AnsweredAt is not null;
        return Phase switch
        {
            CallPhase.Offering when AgentId == agentId => AgentHoldVerdict.Keep,
            CallPhase.Connected when AgentId == agentId => agentConnected ? AgentHoldVerdict.Keep : AgentHoldVerdict.Connect,
            _ when answeredByAgent => agentConnected ? AgentHoldVerdict.End : AgentHoldVerdict.ConnectAndEnd,
            _ => agentConnected ? AgentHoldVerdict.End : AgentHoldVerdict.Release,
        };
    }

    public QueuePlaceVerdict JudgeQueuePlace(QueueId queueId, AgentId? offeredTo)
    {
        if (AnsweredAt is not null)
        {
            return QueueId == queueId && AgentId == offeredTo ? QueuePlaceVerdict.Answered : QueuePlaceVerdict.Remove;
        }

        return Phase switch
        {
            CallPhase.New or CallPhase.Ended => QueuePlaceVerdict.Remove,
            // Overflowing: the call left for another queue and tells each queue it touched when it ends.
            _ when QueueId != queueId => QueuePlaceVerdict.Keep,
            CallPhase.Queued when offeredTo is not null => QueuePlaceVerdict.Requeue,
            _ => QueuePlaceVerdict.Keep,
        };
    }

    /// <summary>How a queue place that must go is closed: never Completed (answered calls leave by MarkAnswered).</summary>
    public CallDisposition RemovalDisposition =>
        Disposition is { } d && d != CallDisposition.Completed ? d : CallDisposition.Interrupted;
}
