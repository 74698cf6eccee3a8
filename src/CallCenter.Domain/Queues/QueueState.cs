using System.Text.Json.Serialization;
using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Domain.Queues;

/// <summary>One queue: its calls in serving order, its staffing, its deadlines and its statistics.</summary>
public sealed partial record QueueState(QueueId QueueId)
{
    public QueueSettings Settings { get; init; } = QueueSettings.Default;

    /// <summary>Every call in the queue, waiting or ringing, in serving order (priority, then arrival).</summary>
    public ImmutableArray<QueuedCall> Calls { get; init; } = [];

    public int LoggedInAgents { get; init; }

    /// <summary>When the last logged-in agent left; null while staffed or before any staffing news.</summary>
    public DateTimeOffset? UnstaffedSince { get; init; }

    /// <summary>The arrival counter behind <see cref="QueuedCall.Order"/>.</summary>
    public long NextOrder { get; init; }

    public QueueStatistics Statistics { get; init; } = QueueStatistics.Empty;

    /// <summary>Calls waiting for an agent, in serving order (ringing calls excluded).</summary>
    [JsonIgnore]
    public IEnumerable<QueuedCall> Waiting => Calls.Where(c => c.IsWaiting);

    /// <summary>The number of waiting callers; positions run 1..Length.</summary>
    [JsonIgnore]
    public int Length => Calls.Count(c => c.IsWaiting);

    /// <summary>The next call to offer, or null when none waits.</summary>
    [JsonIgnore]
    public QueuedCall? Head => Calls.FirstOrDefault(c => c.IsWaiting);

    public QueuedCall? Find(CallId callId) => Calls.FirstOrDefault(c => c.CallId == callId);

    /// <summary>1-based place among waiting callers; null when the call is ringing an agent or not here.</summary>
    public int? PositionOf(CallId callId)
    {
        var position = 0;
        foreach (var call in Calls)
        {
            if (!call.IsWaiting)
            {
                continue;
            }

            position++;
            if (call.CallId == callId)
            {
                return position;
            }
        }

        return null;
    }

    /// <summary>How long the longest-present caller has been here (ringing calls included).</summary>
    public TimeSpan LongestWait(DateTimeOffset now)
    {
        if (Calls.IsEmpty)
        {
            return TimeSpan.Zero;
        }

        var longest = now - Calls.Min(c => c.EnqueuedAt);
        return longest > TimeSpan.Zero ? longest : TimeSpan.Zero;
    }

    public (CommandResult Result, ImmutableArray<IQueueEvent> Events) Decide(IQueueCommand command, DateTimeOffset now)
    {
        if (command is null)
        {
            return Reject("no command");
        }

        if (command.QueueId != QueueId)
        {
            return Reject($"command for queue {command.QueueId} sent to queue {QueueId}");
        }

        return command switch
        {
            QueueCommands.Configure c => DecideConfigure(c, now),
            QueueCommands.UpdateStaffing c => DecideStaffing(c, now),
            QueueCommands.Enqueue c => DecideEnqueue(c, now),
            QueueCommands.Tick => DecideTick(now),
            QueueCommands.StartOffer c => DecideStartOffer(c, now),
            QueueCommands.Requeue c => DecideRequeue(c, now),
            QueueCommands.MarkAnswered c => DecideAnswered(c, now),
            QueueCommands.Remove c => DecideRemove(c, now),
            _ => Reject($"unknown queue command {command.GetType().Name}"),
        };
    }

    public QueueState Apply(IQueueEvent e) => e switch
    {
        QueueConfigured x => this with { Settings = x.Settings },
        StaffingChanged x => this with { LoggedInAgents = x.LoggedInAgents, UnstaffedSince = x.LoggedInAgents == 0 ? x.At : null },
        CallJoined x => this with
        {
            Calls = Insert(Calls, new QueuedCall(x.CallId, x.Priority, NextOrder, x.At)),
            NextOrder = NextOrder + 1,
            Statistics = Statistics with { Offered = Statistics.Offered + 1 },
        },
        OfferStarted x => this with { Calls = Update(x.CallId, c => c with { OfferedTo = x.AgentId }) },
        CallRequeued x => ApplyRequeued(x),
        CallAnswered x => ApplyAnswered(x),
        CallDiverted x => ApplyDiverted(x),
        CallRemoved x => this with
        {
            Calls = Calls.RemoveAll(c => c.CallId == x.CallId),
            Statistics = Statistics.CountEnd(x.Disposition),
        },
        _ => throw new UnreachableException($"QueueState cannot apply {e?.GetType().Name ?? "null"}"),
    };

    private static (CommandResult Result, ImmutableArray<IQueueEvent> Events) Accept(params IQueueEvent[] events) =>
        (CommandResult.Ok, [.. events]);

    private static (CommandResult Result, ImmutableArray<IQueueEvent> Events) NoOp() => (CommandResult.NoOp, []);

    private static (CommandResult Result, ImmutableArray<IQueueEvent> Events) Reject(string reason) =>
        (CommandResult.Rejected(reason), []);
}
