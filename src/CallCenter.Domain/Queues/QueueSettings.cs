using CallCenter.Domain.Routing;

namespace CallCenter.Domain.Queues;

/// <summary>A queue's configuration. Part of <see cref="QueueEvents.QueueConfigured"/>: fields are append-only.</summary>
public sealed record QueueSettings
{
    public static QueueSettings Default { get; } = new();

    /// <summary>A <see cref="RoutingStrategies"/> name.</summary>
    public string Strategy { get; init; } = RoutingStrategies.RoundRobin;

    /// <summary>Calls the queue holds at once, waiting and ringing alike.</summary>
    public int MaxSize { get; init; } = 100;

    public QueueFullPolicy WhenFull { get; init; } = QueueFullPolicy.Reject;

    /// <summary>Longest a call waits in this queue; null waits forever.</summary>
    public TimeSpan? MaxWait { get; init; }

    public MaxWaitPolicy WhenMaxWait { get; init; } = MaxWaitPolicy.Timeout;

    public NoAgentsPolicy WhenNoAgents { get; init; } = NoAgentsPolicy.Wait;

    /// <summary>How long calls stay once no agent is logged in, when <see cref="WhenNoAgents"/> is not Wait; zero leaves at once.</summary>
    public TimeSpan LeaveWhenNoAgentsAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Where the Overflow policies send calls.</summary>
    public QueueId? OverflowQueue { get; init; }

    /// <summary>Failed offers after which a call ends with <see cref="MaxAttemptsDisposition"/>; zero never gives up.</summary>
    public int MaxAttempts { get; init; } = 10;

    public CallDisposition MaxAttemptsDisposition { get; init; } = CallDisposition.Failed;

    /// <summary>How long an agent's phone rings before the offer fails as no-answer (the CallActor's timer).</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    // A method, not a property: this record is persisted inside QueueConfigured and must hold only settings.
    private bool UsesOverflow() =>
        WhenFull == QueueFullPolicy.Overflow || WhenMaxWait == MaxWaitPolicy.Overflow || WhenNoAgents == NoAgentsPolicy.Overflow;

    /// <summary>The first thing wrong with these settings for queue <paramref name="self"/>, or null when they are usable.</summary>
    public string? Validate(QueueId self) =>
        !RoutingStrategies.IsKnown(Strategy) ? $"unknown routing strategy '{Strategy}'; known: {string.Join(", ", RoutingStrategies.Names)}"
        : MaxSize < 1 ? "max size must be at least 1"
        : MaxWait is { } wait && wait <= TimeSpan.Zero ? "max wait must be positive (or unset)"
        : LeaveWhenNoAgentsAfter < TimeSpan.Zero ? "leave-when-no-agents time must not be negative"
        : MaxAttempts < 0 ? "max attempts must not be negative"
        : RingTimeout <= TimeSpan.Zero ? "ring timeout must be positive"
        : MaxAttemptsDisposition is not (CallDisposition.Failed or CallDisposition.Timeout or CallDisposition.Rejected)
            ? "max-attempts disposition must be Failed, Timeout or Rejected"
        : !Enum.IsDefined(WhenFull) || !Enum.IsDefined(WhenMaxWait) || !Enum.IsDefined(WhenNoAgents) ? "unknown policy value"
        : UsesOverflow() && OverflowQueue is null ? "an overflow policy needs an overflow queue"
        : OverflowQueue == self ? "a queue cannot overflow into itself"
        : null;
}
