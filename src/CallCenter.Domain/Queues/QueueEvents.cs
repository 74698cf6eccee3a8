namespace CallCenter.Domain.Queues;

/// <summary>Facts about a queue, persisted as <c>queue-{id}</c>. Append-only contracts: new fields go last and are optional.</summary>
public static class QueueEvents
{
    public sealed record QueueConfigured(QueueId QueueId, QueueSettings Settings, DateTimeOffset At) : IQueueEvent;

    public sealed record StaffingChanged(QueueId QueueId, int LoggedInAgents, DateTimeOffset At) : IQueueEvent;

    public sealed record CallJoined(QueueId QueueId, CallId CallId, int Priority, DateTimeOffset At) : IQueueEvent;

    public sealed record OfferStarted(QueueId QueueId, CallId CallId, AgentId AgentId, DateTimeOffset At) : IQueueEvent;

    /// <summary>The offer failed and the call is back at the head of its priority; <paramref name="Attempts"/> counts failures here.</summary>
    public sealed record CallRequeued(QueueId QueueId, CallId CallId, AgentId AgentId, OfferFailure Reason, int Attempts, DateTimeOffset At) : IQueueEvent;

    public sealed record CallAnswered(QueueId QueueId, CallId CallId, AgentId AgentId, DateTimeOffset At) : IQueueEvent;

    /// <summary>The queue sent the call away: to <paramref name="OverflowTo"/>, or to its end with <paramref name="Disposition"/> (exactly one is set).</summary>
    public sealed record CallDiverted(
        QueueId QueueId, CallId CallId, DiversionReason Reason, QueueId? OverflowTo, CallDisposition? Disposition, DateTimeOffset At) : IQueueEvent;

    public sealed record CallRemoved(QueueId QueueId, CallId CallId, CallDisposition Disposition, DateTimeOffset At) : IQueueEvent;
}
