namespace CallCenter.Media.Relay;

/// <summary>Per-leg counters written by the receive loops with Interlocked and read by anyone without a lock.</summary>
internal sealed class MediaLegCounters
{
    private const long Never = long.MinValue;

    private long _rtpReceived;
    private long _rtpReceivedBytes;
    private long _rtpForwarded;
    private long _rtpDropped;
    private long _rtpHeld;
    private long _rtpSent;
    private long _rtpSentBytes;
    private long _rtcpReceived;
    private long _rtcpForwarded;
    private long _rtcpDropped;
    private long _receiveErrors;
    private long _lastRtpTimestamp = Never;

    public void RtpReceived(int bytes)
    {
        Interlocked.Increment(ref _rtpReceived);
        Interlocked.Add(ref _rtpReceivedBytes, bytes);
    }

    public void RtpAlive(long timestamp) => Volatile.Write(ref _lastRtpTimestamp, timestamp);

    public void RtpForwarded() => Interlocked.Increment(ref _rtpForwarded);

    public void RtpDropped() => Interlocked.Increment(ref _rtpDropped);

    /// <summary>A valid packet not relayed because the call is not bridged: dropped, but not lost.</summary>
    public void RtpHeld()
    {
        Interlocked.Increment(ref _rtpDropped);
        Interlocked.Increment(ref _rtpHeld);
    }

    public void RtpSent(int bytes)
    {
        Interlocked.Increment(ref _rtpSent);
        Interlocked.Add(ref _rtpSentBytes, bytes);
    }

    public void RtcpReceived() => Interlocked.Increment(ref _rtcpReceived);

    public void RtcpForwarded() => Interlocked.Increment(ref _rtcpForwarded);

    public void RtcpDropped() => Interlocked.Increment(ref _rtcpDropped);

    public void ReceiveFailed() => Interlocked.Increment(ref _receiveErrors);

    public MediaLegStatistics Snapshot(TimeProvider time)
    {
        var last = Volatile.Read(ref _lastRtpTimestamp);
        return new MediaLegStatistics(
            Interlocked.Read(ref _rtpReceived),
            Interlocked.Read(ref _rtpReceivedBytes),
            Interlocked.Read(ref _rtpForwarded),
            Interlocked.Read(ref _rtpDropped),
            Interlocked.Read(ref _rtpSent),
            Interlocked.Read(ref _rtpSentBytes),
            Interlocked.Read(ref _rtcpReceived),
            Interlocked.Read(ref _rtcpForwarded),
            Interlocked.Read(ref _rtcpDropped),
            Interlocked.Read(ref _receiveErrors),
            last == Never ? null : time.GetUtcNow() - time.GetElapsedTime(last),
            Interlocked.Read(ref _rtpHeld));
    }
}
