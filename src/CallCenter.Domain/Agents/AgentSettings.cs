namespace CallCenter.Domain.Agents;

/// <summary>How much an agent may take on and how the center treats their misses.</summary>
/// <param name="Capacity">Calls held at once, reserved and connected alike.</param>
/// <param name="WrapUpTime">Time after each call before the agent is offered another; zero means none.</param>
/// <param name="MaxNoAnswer">Consecutive missed offers that pause the agent; zero never pauses.</param>
public sealed record AgentSettings(int Capacity = 1, TimeSpan WrapUpTime = default, int MaxNoAnswer = 3)
{
    public static AgentSettings Default { get; } = new();

    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        Capacity < 1 ? "capacity must be at least 1"
        : WrapUpTime < TimeSpan.Zero ? "wrap-up time must not be negative"
        : MaxNoAnswer < 0 ? "max no-answer must not be negative"
        : null;
}
