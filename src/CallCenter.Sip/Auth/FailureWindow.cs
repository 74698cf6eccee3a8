namespace CallCenter.Sip.Auth;

/// <summary>
/// Sliding-window failure counts and bans for one kind of key (sources or accounts), in bounded memory: each key
/// keeps at most <c>threshold</c> timestamps, and past <c>capacity</c> keys the least recently touched one goes.
/// Not thread-safe; <see cref="AuthFailureTracker"/> locks around it.
/// </summary>
internal sealed class FailureWindow
{
    private readonly int _threshold;
    private readonly long _windowTicks;
    private readonly long _banTicks;
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    public FailureWindow(int threshold, TimeSpan window, TimeSpan banDuration, int capacity)
    {
        _threshold = threshold;
        _windowTicks = window.Ticks;
        _banTicks = banDuration.Ticks;
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    public bool IsBanned(string key, long nowTicks) =>
        _entries.TryGetValue(key, out var node) && node.Value.BannedUntilTicks > nowTicks;

    /// <summary>Counts one failure; returns true when the key is banned afterwards.</summary>
    public bool RecordFailure(string key, long nowTicks)
    {
        var entry = Touch(key);
        if (entry.BannedUntilTicks > nowTicks)
        {
            return true;
        }

        var failures = entry.Failures;
        while (failures.Count > 0 && failures.Peek() <= nowTicks - _windowTicks)
        {
            failures.Dequeue();
        }

        failures.Enqueue(nowTicks);
        if (failures.Count < _threshold)
        {
            return false;
        }

        failures.Clear();
        entry.BannedUntilTicks = nowTicks + _banTicks;
        return true;
    }

    /// <summary>Forgets the key's failures; a ban in force stays.</summary>
    public void Reset(string key, long nowTicks)
    {
        if (!_entries.TryGetValue(key, out var node))
        {
            return;
        }

        if (node.Value.BannedUntilTicks > nowTicks)
        {
            node.Value.Failures.Clear();
            return;
        }

        _recency.Remove(node);
        _entries.Remove(key);
    }

    private Entry Touch(string key)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddLast(node);
            return node.Value;
        }

        node = _recency.AddLast(new Entry());
        _entries.Add(key, node);
        node.Value.Key = key;
        if (_entries.Count > _capacity)
        {
            var oldest = _recency.First!;
            _recency.RemoveFirst();
            _entries.Remove(oldest.Value.Key);
        }

        return node.Value;
    }

    private sealed class Entry
    {
        public string Key { get; set; } = string.Empty;

        public Queue<long> Failures { get; } = new();

        public long BannedUntilTicks { get; set; }
    }
}
