namespace CallCenter.Sip.Auth;

/// <summary>
/// Counts authentication failures per source (IP address) and per account within a sliding window and bans
/// either past its threshold: brute force and password spraying are the first traffic a public SIP server sees.
/// Memory is bounded. Thread-safe.
/// </summary>
public sealed class AuthFailureTracker
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly FailureWindow _sources;
    private readonly FailureWindow _accounts;

    public AuthFailureTracker(AuthFailureTrackerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(options.Window));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BanDuration, TimeSpan.Zero, nameof(options.BanDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SourceBanThreshold, 1, nameof(options.SourceBanThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AccountBanThreshold, 1, nameof(options.AccountBanThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedKeys, 1, nameof(options.MaxTrackedKeys));
        _time = time;
        _sources = new FailureWindow(options.SourceBanThreshold, options.Window, options.BanDuration, options.MaxTrackedKeys);
        _accounts = new FailureWindow(options.AccountBanThreshold, options.Window, options.BanDuration, options.MaxTrackedKeys);
    }

    /// <summary>Whether a request from <paramref name="source"/> for <paramref name="account"/> should be refused unread.</summary>
    public AuthBanStatus GetStatus(string source, string? account)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = Now();
        lock (_lock)
        {
            var status = _sources.IsBanned(source, now) ? AuthBanStatus.SourceBanned : AuthBanStatus.None;
            if (account is not null && _accounts.IsBanned(account, now))
            {
                status |= AuthBanStatus.AccountBanned;
            }

            return status;
        }
    }

    /// <summary>Counts a failure against the source and, when known, the claimed account; returns the bans now in force.</summary>
    public AuthBanStatus RecordFailure(string source, string? account)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = Now();
        lock (_lock)
        {
            var status = _sources.RecordFailure(source, now) ? AuthBanStatus.SourceBanned : AuthBanStatus.None;
            if (account is not null && _accounts.RecordFailure(account, now))
            {
                status |= AuthBanStatus.AccountBanned;
            }

            return status;
        }
    }

    /// <summary>
    /// Clears the account's failure count. The source's count stays: one good phone behind a NAT must not hide a
    /// brute-force attempt from the same address.
    /// </summary>
    public void RecordSuccess(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = Now();
        lock (_lock)
        {
            _accounts.Reset(account, now);
        }
    }

    /// <summary>
    /// Feeds a verification result: a failure counts, a success resets its account, and Stale or Missing are
    /// ordinary steps of the handshake that count nothing. Returns the bans in force afterwards.
    /// </summary>
    public AuthBanStatus Record(string source, DigestAuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result)
        {
            case DigestAuthResult.Failure failure:
                return RecordFailure(source, failure.Username);
            case DigestAuthResult.Success success:
                RecordSuccess(success.Username);
                return GetStatus(source, success.Username);
            case DigestAuthResult.Stale stale:
                return GetStatus(source, stale.Username);
            default:
                return GetStatus(source, null);
        }
    }

    private long Now() => _time.GetUtcNow().UtcTicks;
}
