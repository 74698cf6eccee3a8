using System.Text.Json.Serialization;
using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Domain.Queues;

// When waiting calls must leave, and where they go.
public sealed partial record QueueState
{
    /// <summary>The earliest moment a waiting call must leave (the actor's timer sends <see cref="QueueCommands.Tick"/> then); null when none must.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDeadline
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (var call in Calls)
            {
                if (DeadlineOf(call) is { } due && (next is null || due.At < next))
                {
                    next = due.At;
                }
            }

            return next;
        }
    }

    /// <summary>When and why a waiting call must leave; ringing calls have no deadline until they wait again.</summary>
    public (DateTimeOffset At, DiversionReason Reason)? DeadlineOf(QueuedCall call)
    {
        if (!call.IsWaiting)
        {
            return null;
        }

        DateTimeOffset? maxWait = Settings.MaxWait is { } wait ? call.EnqueuedAt + wait : null;
        DateTimeOffset? noAgents = null;
        if (Settings.WhenNoAgents != NoAgentsPolicy.Wait && LoggedInAgents == 0)
        {
            var since = UnstaffedSince is { } unstaffed && unstaffed > call.EnqueuedAt ? unstaffed : call.EnqueuedAt;
            noAgents = since + Settings.LeaveWhenNoAgentsAfter;
        }

        return (maxWait, noAgents) switch
        {
            ({ } w, { } n) => n < w ? (n, DiversionReason.NoAgents) : (w, DiversionReason.MaxWait),
            ({ } w, null) => (w, DiversionReason.MaxWait),
            (null, { } n) => (n, DiversionReason.NoAgents),
            _ => null,
        };
    }

    private (CommandResult Result, ImmutableArray<IQueueEvent> Events) DecideTick(DateTimeOffset now)
    {
        var expired = Calls
            .Select(c => (Call: c, Due: DeadlineOf(c)))
            .Where(x => x.Due is { } due && due.At <= now)
            .Select(x => (IQueueEvent)Divert(x.Call.CallId, x.Due!.Value.Reason, now))
            .ToArray();
        return expired.Length == 0 ? NoOp() : Accept(expired);
    }

    private CallDiverted Divert(CallId callId, DiversionReason reason, DateTimeOffset now)
    {
        var overflow = reason switch
        {
            DiversionReason.Full => Settings.WhenFull == QueueFullPolicy.Overflow,
            DiversionReason.MaxWait => Settings.WhenMaxWait == MaxWaitPolicy.Overflow,
            DiversionReason.NoAgents => Settings.WhenNoAgents == NoAgentsPolicy.Overflow,
            _ => false,
        };
        if (overflow && Settings.OverflowQueue is { } target)
        {
            return new CallDiverted(QueueId, callId, reason, target, null, now);
        }

        var disposition = reason switch
        {
            DiversionReason.Full => CallDisposition.Rejected,
            DiversionReason.MaxAttempts => Settings.MaxAttemptsDisposition,
            _ => CallDisposition.Timeout,
        };
        return new CallDiverted(QueueId, callId, reason, null, disposition, now);
    }
}
