using System.Text.Json.Serialization;

namespace CallCenter.Domain.Agents;

/// <summary>A call an agent holds: reserved (ringing) until <see cref="ConnectedAt"/> is set.</summary>
public sealed record AgentCall(CallId CallId, QueueId QueueId, DateTimeOffset ReservedAt, DateTimeOffset? ConnectedAt = null)
{
    [JsonIgnore]
    public bool IsConnected => ConnectedAt is not null;
}
