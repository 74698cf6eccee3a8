namespace CallCenter.Domain.Agents;

/// <summary>What routing strategies weigh when choosing between agents.</summary>
/// <param name="IdleSince">When the agent last became idle; null while talking, in wrap-up, paused or offline.
/// A ring that was not answered does not end idleness.</param>
/// <param name="CallsHandled">Connected calls that have ended.</param>
/// <param name="TalkTime">Total connected time of those calls.</param>
public sealed record AgentStatistics(DateTimeOffset? IdleSince, int CallsHandled, TimeSpan TalkTime)
{
    public static AgentStatistics Empty { get; } = new(null, 0, TimeSpan.Zero);
}
