namespace CallCenter.Sip.Transactions;

/// <summary>
/// <see cref="ITransactionTimerScheduler"/> on a <see cref="TimeProvider"/>: <see cref="TimeProvider.System"/> in
/// production, a fake provider in tests. Callbacks run on the provider's timer threads.
/// </summary>
public sealed class TimeProviderTimerScheduler : ITransactionTimerScheduler, IDisposable
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<TransactionTimerKey, ITimer> _pending = [];
    private bool _disposed;

    public TimeProviderTimerScheduler(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Timers scheduled and neither fired nor cancelled yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Schedule(TransactionTimerKey key, TimeSpan delay, Action callback)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(callback);
        var slot = new Slot(this, key, callback);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_pending.Remove(key, out var previous))
            {
                previous.Dispose();
            }

            // The timer may fire on another thread before CreateTimer returns; the slot looks itself up under the
            // lock, which this thread still holds, so it always finds the timer it belongs to.
            slot.Timer = _time.CreateTimer(static state => ((Slot)state!).Fire(), slot, delay, Timeout.InfiniteTimeSpan);
            _pending[key] = slot.Timer;
        }
    }

    public void Cancel(TransactionTimerKey key)
    {
        lock (_gate)
        {
            if (_pending.Remove(key, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _pending.Values)
            {
                timer.Dispose();
            }

            _pending.Clear();
        }
    }

    private sealed class Slot(TimeProviderTimerScheduler owner, TransactionTimerKey key, Action callback)
    {
        public ITimer? Timer { get; set; }

        public void Fire()
        {
            lock (owner._gate)
            {
                // A timer replaced or cancelled after it started firing must not run its stale callback.
                if (Timer is null || !owner._pending.TryGetValue(key, out var current) || !ReferenceEquals(current, Timer))
                {
                    return;
                }

                owner._pending.Remove(key);
                Timer.Dispose();
            }

            callback();
        }
    }
}
