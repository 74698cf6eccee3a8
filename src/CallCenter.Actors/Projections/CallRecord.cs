using CallCenter.Domain;
using static CallCenter.Domain.Calls.CallEvents;

namespace CallCenter.Actors.Projections;

/// <summary>One row of <c>call_records</c>: a call from arrival to its disposition, folded from its events.</summary>
public sealed record CallRecord(CallId CallId)
{
    /// <summary>The queue the call was last in (an overflow moves it).</summary>
    public QueueId? QueueId { get; init; }

    /// <summary>The caller's address (the From of the customer leg).</summary>
    public string? Caller { get; init; }

    public int Priority { get; init; }

    /// <summary>The agent who answered, or who was ringing when the call ended; null when no agent was involved at the end.</summary>
    public AgentId? AgentId { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Offers that rang an agent without being answered.</summary>
    public int FailedOffers { get; init; }

    /// <summary>Null while the call is still going on.</summary>
    public CallDisposition? Disposition { get; init; }

    /// <summary>From arrival to the answer, or to the end when nobody answered; null until one of them happened.</summary>
    public double? WaitSeconds => ArrivedAt is { } arrived && (AnsweredAt ?? EndedAt) is { } stop ? (stop - arrived).TotalSeconds : null;

    /// <summary>From the answer to the end; null unless both happened.</summary>
    public double? TalkSeconds => AnsweredAt is { } answered && EndedAt is { } ended ? (ended - answered).TotalSeconds : null;

    /// <summary>The record after <paramref name="e"/>. Event types it does not know leave it unchanged, so an older projection survives newer events.</summary>
    public CallRecord Apply(ICallEvent e) => e switch
    {
        CallArrived x => this with { QueueId = x.QueueId, Caller = x.From, Priority = x.Priority, ArrivedAt = x.At },
        CallQueued x => this with { QueueId = x.QueueId },
        CallOffered x => this with { AgentId = x.AgentId },
        CallConnected x => this with { AgentId = x.AgentId, AnsweredAt = x.At },
        CallOfferFailed x => this with { AgentId = null, FailedOffers = x.Attempts },
        CallEnded x => this with { AgentId = x.AgentId ?? AgentId, Disposition = x.Disposition, EndedAt = x.At },
        _ => this,
    };
}
