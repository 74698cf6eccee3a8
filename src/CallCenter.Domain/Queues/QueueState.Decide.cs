using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Domain.Queues;

// The transition rules for configuration, staffing and a call's way through the queue.
public sealed partial record QueueState
{
    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideConfigure(QueueCommands.Configure c, DateTimeOffset now)
    {
        if (c.Settings is null)
        {
            return Reject("settings required");
        }

        if (c.Settings.Validate(QueueId) is { } error)
        {
            return Reject(error);
        }

        return c.Settings == Settings ? NoOp() : Accept(new QueueConfigured(QueueId, c.Settings, now));
    }

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideStaffing(QueueCommands.UpdateStaffing c, DateTimeOffset now) =>
        c.LoggedInAgents < 0 ? Reject("logged-in agents must not be negative")
        : c.LoggedInAgents == LoggedInAgents ? NoOp()
        : Accept(new StaffingChanged(QueueId, c.LoggedInAgents, now));

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideEnqueue(QueueCommands.Enqueue c, DateTimeOffset now)
    {
        if (Find(c.CallId) is not null)
        {
            return NoOp();
        }

        if (Calls.Length >= Settings.MaxSize)
        {
            return Accept(Divert(c.CallId, DiversionReason.Full, now));
        }

        return LeavesAtOnce(new CallJoined(QueueId, c.CallId, c.Priority, now), c.CallId, now);
    }

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideStartOffer(QueueCommands.StartOffer c, DateTimeOffset now) =>
        Find(c.CallId) switch
        {
            null => Reject($"call {c.CallId} is not in queue {QueueId}"),
            { OfferedTo: null } => Accept(new OfferStarted(QueueId, c.CallId, c.AgentId, now)),
            { OfferedTo: var agent } when agent == c.AgentId => NoOp(),
            { OfferedTo: var agent } => Reject($"call {c.CallId} is already ringing agent {agent}"),
        };

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideRequeue(QueueCommands.Requeue c, DateTimeOffset now)
    {
        if (!Enum.IsDefined(c.Reason))
        {
            return Reject($"unknown offer failure {c.Reason}");
        }

        // Anything but "ringing this agent" is a late duplicate about an offer already settled.
        if (Find(c.CallId) is not { } call || call.OfferedTo != c.AgentId)
        {
            return NoOp();
        }

        var attempts = call.Attempts + 1;
        if (Settings.MaxAttempts > 0 && attempts >= Settings.MaxAttempts)
        {
            return Accept(Divert(c.CallId, DiversionReason.MaxAttempts, now));
        }

        var requeued = new CallRequeued(QueueId, c.CallId, c.AgentId, c.Reason, attempts, now);
        return LeavesAtOnce(requeued, c.CallId, now);
    }

    // A call whose deadline already passed (it joined an unstaffed queue, or it rang past its max wait)
    // leaves in the same decision instead of waiting for a timer round trip.
    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) LeavesAtOnce(IQueueEvent entered, CallId callId, DateTimeOffset now)
    {
        var after = Apply(entered);
        return after.Find(callId) is { } call && after.DeadlineOf(call) is { } due && due.At <= now
            ? Accept(entered, Divert(callId, due.Reason, now))
            : Accept(entered);
    }

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideAnswered(QueueCommands.MarkAnswered c, DateTimeOffset now) =>
        Find(c.CallId) switch
        {
            null => NoOp(),
            { OfferedTo: var agent } when agent == c.AgentId => Accept(new CallAnswered(QueueId, c.CallId, c.AgentId, now)),
            { OfferedTo: null } => Reject($"call {c.CallId} is not ringing any agent"),
            { OfferedTo: var agent } => Reject($"call {c.CallId} is ringing agent {agent}, not {c.AgentId}"),
        };

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideRemove(QueueCommands.Remove c, DateTimeOffset now)
    {
        if (!Enum.IsDefined(c.Disposition) || c.Disposition == CallDisposition.Completed)
        {
            return Reject($"a call does not leave a queue as {c.Disposition}; answered calls leave by MarkAnswered");
        }

        return Find(c.CallId) is null ? NoOp() : Accept(new CallRemoved(QueueId, c.CallId, c.Disposition, now));
    }
}
