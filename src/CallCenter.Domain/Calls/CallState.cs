using System.Text.Json.Serialization;
using static CallCenter.Domain.Calls.CallEvents;

namespace CallCenter.Domain.Calls;

/// <summary>One customer call from arrival to its single disposition.</summary>
public sealed partial record CallState(CallId CallId)
{
    public CallPhase Phase { get; init; } = CallPhase.New;

    public string? From { get; init; }

    /// <summary>The queue the call is (or was last) in.</summary>
    public QueueId? QueueId { get; init; }

    public int Priority { get; init; }

    /// <summary>The agent ringing (Offering) or talking (Connected); after the end, the last such agent.</summary>
    public AgentId? AgentId { get; init; }

    /// <summary>Failed offers so far.</summary>
    public int Attempts { get; init; }

    public CallDisposition? Disposition { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    [JsonIgnore]
    public bool IsEnded => Phase == CallPhase.Ended;

    /// <summary>From arrival to the answer, or to the end when nobody answered; null while still waiting.</summary>
    [JsonIgnore]
    public TimeSpan? WaitTime => ArrivedAt is { } arrived && (AnsweredAt ?? EndedAt) is { } stop ? stop - arrived : null;

    /// <summary>From the answer to the end; null until both happened.</summary>
    [JsonIgnore]
    public TimeSpan? TalkTime => AnsweredAt is { } answered && EndedAt is { } ended ? ended - answered : null;

    public (CommandResult Result, ImmutableArray<ICallEvent> Events) Decide(ICallCommand command, DateTimeOffset now)
    {
        if (command is null)
        {
            return Reject("no command");
        }

        if (command.CallId != CallId)
        {
            return Reject($"command for call {command.CallId} sent to call {CallId}");
        }

        return command switch
        {
            CallCommands.Receive c => DecideReceive(c, now),
            CallCommands.Enqueue c => DecideEnqueue(c, now),
            CallCommands.Offer c => DecideOffer(c, now),
            CallCommands.Connect c => DecideConnect(c, now),
            CallCommands.FailOffer c => DecideFailOffer(c, now),
            CallCommands.Hangup c => DecideHangup(c, now),
            CallCommands.End c => DecideEnd(c.Disposition, now),
            _ => Reject($"unknown call command {command.GetType().Name}"),
        };
    }

    public CallState Apply(ICallEvent e) => e switch
    {
        CallArrived x => this with
        {
            Phase = CallPhase.Arrived,
            From = x.From,
            QueueId = x.QueueId,
            Priority = x.Priority,
            ArrivedAt = x.At,
        },
        CallQueued x => this with { Phase = CallPhase.Queued, QueueId = x.QueueId },
        CallOffered x => this with { Phase = CallPhase.Offering, AgentId = x.AgentId },
        CallConnected x => this with { Phase = CallPhase.Connected, AgentId = x.AgentId, AnsweredAt = x.At },
        CallOfferFailed x => this with { Phase = CallPhase.Queued, AgentId = null, Attempts = x.Attempts },
        CallEnded x => this with { Phase = CallPhase.Ended, Disposition = x.Disposition, EndedAt = x.At },
        _ => throw new UnreachableException($"CallState cannot apply {e?.GetType().Name ?? "null"}"),
    };

    private static (CommandResult Result, ImmutableArray<ICallEvent> Events) Accept(ICallEvent e) => (CommandResult.Ok, [e]);

    private static (CommandResult Result, ImmutableArray<ICallEvent> Events) NoOp() => (CommandResult.NoOp, []);

    private static (CommandResult Result, ImmutableArray<ICallEvent> Events) Reject(string reason) =>
        (CommandResult.Rejected(reason), []);
}
