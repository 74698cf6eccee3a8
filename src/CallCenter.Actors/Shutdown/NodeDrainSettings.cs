using CallCenter.Actors.Hosting;

namespace CallCenter.Actors.Shutdown;

/// <summary>How a node drains when it is asked to stop (SIGTERM, Ctrl+C).</summary>
public sealed record NodeDrainSettings : IValidatedSettings
{
    /// <summary>How long open calls may go on by themselves before the node ends them.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After of the 503 that new INVITEs and REGISTERs get while the node drains.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After the grace period: how long the BYEs of the ended calls may take to be answered. A phone that never
    /// answers must not hold the node up for the full transaction timeout (64·T1).</summary>
    public TimeSpan HangUpAllowance { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the drain looks at the node's open calls.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest a drain can take; the shutdown phase that runs it must allow more.</summary>
    public TimeSpan Longest => GracePeriod + HangUpAllowance + CheckInterval;

    public string? Validate() =>
        GracePeriod < TimeSpan.Zero ? "the grace period must not be negative"
        : RetryAfter <= TimeSpan.Zero ? "Retry-After must be positive"
        : HangUpAllowance < TimeSpan.Zero ? "the hang-up allowance must not be negative"
        : CheckInterval <= TimeSpan.Zero ? "the check interval must be positive"
        : null;
}
