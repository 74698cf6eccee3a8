namespace CallCenter.Sip.Auth;

/// <summary>
/// Remembers the highest nonce-count accepted per nonce, to refuse replays (RFC 7616 §5.7), in bounded memory.
/// Entries leave oldest-issued first, when the table is full or the nonce has expired. A nonce issued no later than
/// one that left can no longer be vouched for, so it is reported <see cref="NonceCountStatus.Forgotten"/> and the
/// caller asks for a fresh one: eviction can never turn a replay into an acceptance. Thread-safe.
/// </summary>
internal sealed class NonceCountTracker
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, uint> _lastCount = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, long> _byIssueTime = new();
    private long _forgottenUpToMs = long.MinValue;

    public NonceCountTracker(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lastCount.Count;
            }
        }
    }

    /// <summary>
    /// Accepts <paramref name="nonceCount"/> if it is above every count accepted before for this nonce. Entries of
    /// nonces issued before <paramref name="freshSinceMs"/> have expired and are dropped first.
    /// </summary>
    public NonceCountStatus TryAdvance(string nonce, long issuedAtMs, uint nonceCount, long freshSinceMs)
    {
        lock (_lock)
        {
            DropIssuedBefore(freshSinceMs);
            if (_lastCount.TryGetValue(nonce, out var last))
            {
                if (nonceCount <= last)
                {
                    return NonceCountStatus.Replayed;
                }

                _lastCount[nonce] = nonceCount;
                return NonceCountStatus.Accepted;
            }

            if (issuedAtMs <= _forgottenUpToMs)
            {
                return NonceCountStatus.Forgotten;
            }

            _lastCount.Add(nonce, nonceCount);
            _byIssueTime.Enqueue(nonce, issuedAtMs);
            while (_lastCount.Count > _capacity)
            {
                Evict();
            }

            return NonceCountStatus.Accepted;
        }
    }

    private void DropIssuedBefore(long freshSinceMs)
    {
        while (_byIssueTime.TryPeek(out _, out var issuedAtMs) && issuedAtMs < freshSinceMs)
        {
            // Also marked forgotten: should the clock step back, a dropped nonce must not start over at nc=1.
            Evict();
        }
    }

    private void Evict()
    {
        if (_byIssueTime.TryDequeue(out var nonce, out var issuedAtMs))
        {
            _lastCount.Remove(nonce);
            _forgottenUpToMs = Math.Max(_forgottenUpToMs, issuedAtMs);
        }
    }
}

internal enum NonceCountStatus
{
    Accepted,
    Replayed,
    Forgotten,
}
