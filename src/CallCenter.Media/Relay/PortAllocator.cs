namespace CallCenter.Media.Relay;

/// <summary>
/// Hands out RTP ports from a configured range: always even, with the odd port above for RTCP (RFC 3550 §11).
/// Released ports go to the back of the line, so a port is reused as late as possible and stray packets of the
/// call that had it rarely reach the next one. Thread-safe; used only when calls start and end, never per packet.
/// </summary>
public sealed class PortAllocator
{
    private readonly object _gate = new();
    private readonly Queue<int> _free = new();
    private readonly HashSet<int> _inUse = [];

    /// <param name="firstPort">Lowest port that may be used (rounded up to even for RTP).</param>
    /// <param name="lastPort">Highest port that may be used, RTCP included.</param>
    public PortAllocator(int firstPort, int lastPort)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastPort, 65535);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstPort, lastPort);
        for (var port = firstPort + (firstPort & 1); port + 1 <= lastPort; port += 2)
        {
            _free.Enqueue(port);
        }

        if (_free.Count == 0)
        {
            throw new ArgumentException($"the range {firstPort}-{lastPort} holds no even/odd port pair", nameof(lastPort));
        }

        FirstPort = firstPort;
        LastPort = lastPort;
        Capacity = _free.Count;
    }

    public int FirstPort { get; }

    public int LastPort { get; }

    /// <summary>How many pairs the range holds.</summary>
    public int Capacity { get; }

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse.Count;
            }
        }
    }

    public int Available => Capacity - InUse;

    /// <summary>The RTP port of a free pair (RTCP is that + 1).</summary>
    /// <exception cref="MediaPortsExhaustedException">Every pair is in use.</exception>
    public int Allocate() =>
        TryAllocate(out var port) ? port : throw new MediaPortsExhaustedException(FirstPort, LastPort, Capacity);

    public bool TryAllocate(out int rtpPort)
    {
        lock (_gate)
        {
            if (_free.TryDequeue(out rtpPort))
            {
                _inUse.Add(rtpPort);
                return true;
            }

            return false;
        }
    }

    /// <summary>Gives a pair back; false (and no change) when it was not allocated, so double release is harmless.</summary>
    public bool Release(int rtpPort)
    {
        lock (_gate)
        {
            if (!_inUse.Remove(rtpPort))
            {
                return false;
            }

            _free.Enqueue(rtpPort);
            return true;
        }
    }

    public bool IsInUse(int rtpPort)
    {
        lock (_gate)
        {
            return _inUse.Contains(rtpPort);
        }
    }
}
