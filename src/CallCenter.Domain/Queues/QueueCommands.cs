namespace CallCenter.Domain.Queues;

/// <summary>What can be asked of a queue.</summary>
public static class QueueCommands
{
    public sealed record Configure(QueueId QueueId, QueueSettings Settings) : IQueueCommand;

    /// <summary>How many agents serving this queue are logged in (the router counts them).</summary>
    public sealed record UpdateStaffing(QueueId QueueId, int LoggedInAgents) : IQueueCommand;

    /// <summary>A call asks to wait here; the answer is in the events (joined, or diverted when full).</summary>
    public sealed record Enqueue(QueueId QueueId, CallId CallId, int Priority = 0) : IQueueCommand;

    /// <summary>The deadline timer fired: calls past max wait (or left too long without agents) are diverted.</summary>
    public sealed record Tick(QueueId QueueId) : IQueueCommand;

    /// <summary>The router's chosen agent accepted the call; it rings and stops waiting.</summary>
    public sealed record StartOffer(QueueId QueueId, CallId CallId, AgentId AgentId) : IQueueCommand;

    /// <summary>The offer failed: the call goes back to the head, or ends after max attempts.</summary>
    public sealed record Requeue(QueueId QueueId, CallId CallId, AgentId AgentId, OfferFailure Reason) : IQueueCommand;

    /// <summary>The ringing agent answered: the call leaves the queue.</summary>
    public sealed record MarkAnswered(QueueId QueueId, CallId CallId, AgentId AgentId) : IQueueCommand;

    /// <summary>The call ended while in the queue (abandoned, failed, interrupted, ended elsewhere).</summary>
    public sealed record Remove(QueueId QueueId, CallId CallId, CallDisposition Disposition) : IQueueCommand;
}
