namespace CallCenter.Softphone;

/// <summary>
/// Named one-shot timers whose callbacks run under the softphone's lock, and only while still current: a timer
/// stopped or replaced after it began firing does nothing, and after <see cref="StopAll"/> none fires again.
/// Start, Stop and StopAll are called under that same lock.
/// </summary>
internal sealed class GatedTimers(Lock gate, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, ITimer> _timers = [];
    private bool _closed;

    public void Start(string name, TimeSpan delay, Action callback)
    {
        Stop(name);
        if (_closed)
        {
            return;
        }

        ITimer? timer = null;

        // The timer may fire before CreateTimer returns; its callback then waits for the lock the caller holds, and
        // by the time it gets it the timer is stored, so the identity check below always sees it.
        timer = _time.CreateTimer(_ => Fire(name, timer, callback), null, delay, Timeout.InfiniteTimeSpan);
        _timers[name] = timer;
    }

    public void Stop(string name)
    {
        if (_timers.Remove(name, out var timer))
        {
            timer.Dispose();
        }
    }

    public void StopAll()
    {
        _closed = true;
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private void Fire(string name, ITimer? timer, Action callback)
    {
        lock (gate)
        {
            if (_closed || !_timers.TryGetValue(name, out var current) || !ReferenceEquals(current, timer))
            {
                return;
            }

            _timers.Remove(name);
            current.Dispose();
            callback();
        }
    }
}
