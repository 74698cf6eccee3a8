using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>A virtual-time scheduler: nothing fires until the test advances the clock.</summary>
internal sealed class ManualTimerScheduler : ITransactionTimerScheduler
{
    private readonly object _gate = new();
    private readonly Dictionary<TransactionTimerKey, (TimeSpan Due, long Order, Action Callback)> _pending = [];
    private long _order;

    public TimeSpan Now { get; private set; }

    /// <summary>Models a scheduler that delivers a timer even after it was cancelled (a race the layer must survive).</summary>
    public bool IgnoreCancel { get; init; }

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

    public IReadOnlyList<TransactionTimerKey> Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Keys.ToList();
            }
        }
    }

    public void Schedule(TransactionTimerKey key, TimeSpan delay, Action callback)
    {
        lock (_gate)
        {
            _pending[key] = (Now + delay, ++_order, callback);
        }
    }

    public void Cancel(TransactionTimerKey key)
    {
        if (IgnoreCancel)
        {
            return;
        }

        lock (_gate)
        {
            _pending.Remove(key);
        }
    }

    /// <summary>Fires due timers in order (callbacks may schedule more), then sets the clock to the target time.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Now + by;
        while (true)
        {
            Action callback;
            lock (_gate)
            {
                var due = _pending.Where(p => p.Value.Due <= until).OrderBy(p => p.Value.Due).ThenBy(p => p.Value.Order).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                var (key, (at, _, action)) = due[0];
                _pending.Remove(key);
                Now = at;
                callback = action;
            }

            callback();
        }

        Now = until;
    }
}
