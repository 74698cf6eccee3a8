using System.Text.Json.Serialization;

namespace CallCenter.Domain.Queues;

/// <summary>A call in a queue: waiting, or ringing <see cref="OfferedTo"/>.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Priority">Higher is served first.</param>
/// <param name="Order">Arrival order within the queue; a re-queued call takes the smallest of its priority (the head).</param>
/// <param name="EnqueuedAt">When the call joined this queue; max wait counts from here.</param>
/// <param name="Attempts">Failed offers in this queue.</param>
/// <param name="OfferedTo">The agent ringing now, or null while waiting.</param>
public sealed record QueuedCall(CallId CallId, int Priority, long Order, DateTimeOffset EnqueuedAt, int Attempts = 0, AgentId? OfferedTo = null)
{
    /// <summary>Agents whose offer of this call failed here, each once, the most recent last (routers try others first).</summary>
    public ImmutableArray<AgentId> FailedAgents { get; init; } = [];

    [JsonIgnore]
    public bool IsWaiting => OfferedTo is null;

    /// <summary>Queue order: higher priority first, then lower order.</summary>
    internal bool ComesBefore(QueuedCall other) =>
        Priority != other.Priority ? Priority > other.Priority : Order < other.Order;

    // ImmutableArray compares by reference; a restored snapshot must still equal the original.
    public bool Equals(QueuedCall? other) =>
        other is not null
        && CallId == other.CallId
        && Priority == other.Priority
        && Order == other.Order
        && EnqueuedAt == other.EnqueuedAt
        && Attempts == other.Attempts
        && OfferedTo == other.OfferedTo
        && FailedAgents.SequenceEqual(other.FailedAgents);

    public override int GetHashCode() => HashCode.Combine(CallId, Priority, Order, EnqueuedAt, Attempts, OfferedTo, FailedAgents.Length);
}
