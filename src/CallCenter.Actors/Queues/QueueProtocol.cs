using CallCenter.Domain;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Queues;

/// <summary>Queries answered by a QueueActor.</summary>
public static class QueueQueries
{
    public sealed record GetQueueState(QueueId QueueId) : IWithQueueId, ICallCenterMessage;

    public sealed record QueueStateResult(QueueState State) : ICallCenterMessage;
}

/// <summary>What a QueueActor tells the CallActors waiting in it (sent to the call's own ref).</summary>
public static class QueueNotifications
{
    /// <summary>The call waits in <paramref name="QueueId"/> (also the answer to a repeated Enqueue).</summary>
    public sealed record JoinedQueue(CallId CallId, QueueId QueueId) : IWithCallId, ICallCenterMessage;

    /// <summary>The queue sent the call away: on to <paramref name="OverflowTo"/>, or to its end with <paramref name="Disposition"/>.</summary>
    public sealed record DivertedByQueue(
        CallId CallId, QueueId QueueId, DiversionReason Reason, QueueId? OverflowTo, CallDisposition? Disposition) : IWithCallId, ICallCenterMessage;

    /// <summary>An agent accepted the call: ring <paramref name="Contact"/> for at most <paramref name="RingTimeout"/>.</summary>
    public sealed record AgentAssigned(CallId CallId, QueueId QueueId, AgentId AgentId, string Contact, TimeSpan RingTimeout)
        : IWithCallId, ICallCenterMessage;
}
