using static CallCenter.Domain.Calls.CallEvents;

namespace CallCenter.Domain.Calls;

// The transition rules. Once Ended, a duplicate is a NoOp and anything else is Rejected: a call ends exactly once.
public sealed partial record CallState
{
    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideReceive(CallCommands.Receive c, DateTimeOffset now)
    {
        if (Phase != CallPhase.New)
        {
            return c.From == From && c.QueueId == QueueId && c.Priority == Priority ? NoOp() : Reject("call has already arrived");
        }

        return string.IsNullOrWhiteSpace(c.From)
            ? Reject("caller address required")
            : Accept(new CallArrived(CallId, c.From, c.QueueId, c.Priority, now));
    }

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideEnqueue(CallCommands.Enqueue c, DateTimeOffset now) =>
        Phase switch
        {
            CallPhase.Arrived => Accept(new CallQueued(CallId, c.QueueId, now)),
            CallPhase.Queued or CallPhase.Offering or CallPhase.Connected when c.QueueId == QueueId => NoOp(),
            // Overflow: the call moves on to another queue.
            CallPhase.Queued => Accept(new CallQueued(CallId, c.QueueId, now)),
            _ => Reject($"cannot enqueue a call that is {Phase}"),
        };

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideOffer(CallCommands.Offer c, DateTimeOffset now) =>
        Phase switch
        {
            CallPhase.Queued => Accept(new CallOffered(CallId, c.AgentId, now)),
            CallPhase.Offering or CallPhase.Connected when c.AgentId == AgentId => NoOp(),
            CallPhase.Offering or CallPhase.Connected => Reject($"call is already with agent {AgentId}"),
            _ => Reject($"cannot offer a call that is {Phase}"),
        };

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideConnect(CallCommands.Connect c, DateTimeOffset now) =>
        Phase switch
        {
            CallPhase.Offering when c.AgentId == AgentId => Accept(new CallConnected(CallId, c.AgentId, now)),
            CallPhase.Connected when c.AgentId == AgentId => NoOp(),
            CallPhase.Offering or CallPhase.Connected => Reject($"call is with agent {AgentId}, not {c.AgentId}"),
            _ => Reject($"cannot connect a call that is {Phase}"),
        };

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideFailOffer(CallCommands.FailOffer c, DateTimeOffset now)
    {
        if (!Enum.IsDefined(c.Reason))
        {
            return Reject($"unknown offer failure {c.Reason}");
        }

        if (c.AgentId == AgentId && Phase == CallPhase.Offering)
        {
            return Accept(new CallOfferFailed(CallId, c.AgentId, c.Reason, Attempts + 1, now));
        }

        return Phase switch
        {
            CallPhase.Connected when c.AgentId == AgentId => Reject("the agent has answered"),
            // A late report about an earlier offer: already handled.
            CallPhase.Queued or CallPhase.Offering or CallPhase.Connected or CallPhase.Ended => NoOp(),
            _ => Reject($"call {CallId} was never offered"),
        };
    }

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideHangup(CallCommands.Hangup c, DateTimeOffset now) =>
        (Phase, c.By) switch
        {
            (CallPhase.Ended, _) => NoOp(),
            (CallPhase.Connected, Party.Caller or Party.Agent) => DecideEnd(CallDisposition.Completed, now),
            (CallPhase.Arrived or CallPhase.Queued or CallPhase.Offering, Party.Caller) => DecideEnd(CallDisposition.Abandoned, now),
            (_, Party.Agent) => Reject("the agent is not connected; a ringing agent's refusal is FailOffer"),
            _ => Reject($"cannot hang up a call that is {Phase} by {c.By}"),
        };

    private (CommandResult Result, ImmutableArray<ICallEvent> Events) DecideEnd(CallDisposition disposition, DateTimeOffset now)
    {
        if (Phase == CallPhase.Ended)
        {
            return NoOp();
        }

        var allowed = (Phase, disposition) switch
        {
            (CallPhase.New, _) => false,
            (_, CallDisposition.Completed) => Phase == CallPhase.Connected,
            (_, CallDisposition.Abandoned or CallDisposition.Timeout or CallDisposition.Rejected) => Phase != CallPhase.Connected,
            (_, CallDisposition.Failed or CallDisposition.Interrupted) => true,
            _ => false,
        };
        return allowed
            ? Accept(new CallEnded(CallId, disposition, AgentId, now))
            : Reject($"cannot end a call that is {Phase} as {disposition}");
    }
}
