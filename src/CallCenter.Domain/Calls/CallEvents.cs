namespace CallCenter.Domain.Calls;

/// <summary>Facts about a call, persisted as <c>call-{id}</c>. Append-only contracts: new fields go last and are optional.</summary>
public static class CallEvents
{
    public sealed record CallArrived(CallId CallId, string From, QueueId QueueId, int Priority, DateTimeOffset At) : ICallEvent;

    public sealed record CallQueued(CallId CallId, QueueId QueueId, DateTimeOffset At) : ICallEvent;

    public sealed record CallOffered(CallId CallId, AgentId AgentId, DateTimeOffset At) : ICallEvent;

    public sealed record CallConnected(CallId CallId, AgentId AgentId, DateTimeOffset At) : ICallEvent;

    /// <summary>The offer to <paramref name="AgentId"/> failed; <paramref name="Attempts"/> counts failed offers so far.</summary>
    public sealed record CallOfferFailed(CallId CallId, AgentId AgentId, OfferFailure Reason, int Attempts, DateTimeOffset At) : ICallEvent;

    /// <summary>The call is over; <paramref name="AgentId"/> is the agent it was offered to or talking with, if any.</summary>
    public sealed record CallEnded(CallId CallId, CallDisposition Disposition, AgentId? AgentId, DateTimeOffset At) : ICallEvent;
}
