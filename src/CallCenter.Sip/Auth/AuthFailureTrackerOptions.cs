namespace CallCenter.Sip.Auth;

/// <summary>Thresholds of an <see cref="AuthFailureTracker"/>.</summary>
public sealed record AuthFailureTrackerOptions
{
    /// <summary>Failures older than this are forgotten (a sliding window).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>This many failures from one source within <see cref="Window"/> ban the source.</summary>
    public int SourceBanThreshold { get; init; } = 20;

    /// <summary>This many failures for one account within <see cref="Window"/> ban the account.</summary>
    public int AccountBanThreshold { get; init; } = 10;

    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most sources, and separately most accounts, tracked at once; the least recently seen go first.</summary>
    public int MaxTrackedKeys { get; init; } = 10_000;
}
