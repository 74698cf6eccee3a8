using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Relay;

/// <summary>
/// One side of a relay: its RTP and RTCP sockets, the peer's addresses (from SDP and latched), its formats, its
/// player and its counters. Control calls come from the owner; the receive loops read everything through
/// volatile references to immutable values, so the packet path takes no lock.
/// </summary>
public sealed class MediaLeg : IMediaLeg
{
    private readonly MediaRelay _relay;
    private readonly TimeProvider _time;
    private SocketAddress? _remoteRtp;
    private SocketAddress? _remoteRtcp;
    private LegMedia _media = LegMedia.Unset;
    private ForwardPlan _outbound = ForwardPlan.Passthrough;
    private RtpPlayer? _player;
    private long _silenceSince;
    private int _timeoutReported;
    private volatile bool _monitored;
    private volatile bool _timeoutPaused;

    internal MediaLeg(MediaLegId id, MediaRelay relay, MediaSocketPair sockets, TimeProvider time, long latchTakeoverTicks)
    {
        Id = id;
        _relay = relay;
        _time = time;
        Sockets = sockets;
        RtpLatch = new SymmetricLatch(latchTakeoverTicks);
        RtcpLatch = new SymmetricLatch(latchTakeoverTicks);
    }

    public MediaLegId Id { get; }

    public int LocalRtpPort => Sockets.RtpPort;

    public int LocalRtcpPort => Sockets.RtpPort + 1;

    public IPEndPoint LocalRtpEndPoint => Sockets.LocalRtp;

    public IPEndPoint? RemoteRtp => ToEndPoint(Volatile.Read(ref _remoteRtp));

    public IPEndPoint? LatchedRtp => ToEndPoint(RtpLatch.Latched);

    public MediaLegStatistics Statistics => Counters.Snapshot(_time);

    public bool TimeoutPaused
    {
        get => _timeoutPaused;
        set
        {
            if (_timeoutPaused && !value)
            {
                RestartSilenceClock();
            }

            _timeoutPaused = value;
        }
    }

    internal MediaSocketPair Sockets { get; }

    internal SymmetricLatch RtpLatch { get; }

    internal SymmetricLatch RtcpLatch { get; }

    internal MediaLegCounters Counters { get; } = new();

    internal DtmfDetector Dtmf { get; } = new();

    internal PlayerStream PlayerStream { get; } = new();

    internal LegMedia Media => Volatile.Read(ref _media);

    /// <summary>How packets from this leg's phone are rewritten for the other leg.</summary>
    internal ForwardPlan Outbound
    {
        get => Volatile.Read(ref _outbound);
        set => Volatile.Write(ref _outbound, value);
    }

    internal bool IsPlaying => Volatile.Read(ref _player) is not null;

    /// <summary>Where packets for this leg's phone go: the latched source, else the SDP address.</summary>
    internal SocketAddress? RtpDestination => RtpLatch.Latched ?? Volatile.Read(ref _remoteRtp);

    internal SocketAddress? RtcpDestination => RtcpLatch.Latched ?? Volatile.Read(ref _remoteRtcp);

    /// <summary>The RTP address from the SDP (raw form, for the latch).</summary>
    internal SocketAddress? NamedRtp => Volatile.Read(ref _remoteRtp);

    internal SocketAddress? NamedRtcp => Volatile.Read(ref _remoteRtcp);

    public void SetRemote(IPEndPoint rtp, IPEndPoint? rtcp = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        var family = Sockets.Family;
        if (rtp.AddressFamily != family || (rtcp is not null && rtcp.AddressFamily != family))
        {
            throw new ArgumentException($"the relay binds {family}; {rtp} cannot be reached from it", nameof(rtp));
        }

        if (rtcp is null && rtp.Port == IPEndPoint.MaxPort)
        {
            throw new ArgumentException("RTP on port 65535 leaves no RTCP port above it; give the RTCP address", nameof(rtcp));
        }

        var rtpAddress = rtp.Serialize();
        var rtcpAddress = (rtcp ?? new IPEndPoint(rtp.Address, rtp.Port + 1)).Serialize();
        lock (_relay.ControlGate)
        {
            _relay.ThrowIfDisposed();
            if (!rtpAddress.Equals(Volatile.Read(ref _remoteRtp)))
            {
                RtpLatch.Reset();
                RtcpLatch.Reset();
            }

            Volatile.Write(ref _remoteRtp, rtpAddress);
            Volatile.Write(ref _remoteRtcp, rtcpAddress);
            if (!_monitored)
            {
                RestartSilenceClock();
                _monitored = true;
            }
        }
    }

    public void SetFormats(IReadOnlyList<PayloadFormat> formats)
    {
        var media = LegMedia.From(formats);
        lock (_relay.ControlGate)
        {
            _relay.ThrowIfDisposed();
            Volatile.Write(ref _media, media);
            _relay.RebuildPlans();
        }
    }

    /// <summary>Sends a packet to this leg's phone from its RTP socket; false when there is nowhere to send or it failed.</summary>
    internal bool SendToPhone(ReadOnlySpan<byte> packet)
    {
        var destination = RtpDestination;
        if (destination is null || !Sockets.TrySendRtp(packet, destination))
        {
            return false;
        }

        Counters.RtpSent(packet.Length);
        return true;
    }

    internal bool SendRtcpToPhone(ReadOnlySpan<byte> packet)
    {
        var destination = RtcpDestination;
        return destination is not null && Sockets.TrySendRtcp(packet, destination);
    }

    /// <summary>Replaces the player (null stops it). Called under the relay's control lock.</summary>
    internal void ReplacePlayer(RtpPlayer? player)
    {
        var previous = Interlocked.Exchange(ref _player, player);
        previous?.Dispose();
        player?.Start();
    }

    /// <summary>A valid packet from the phone: media is alive, so a timeout may be reported again later.</summary>
    internal void NoteMedia(long timestamp)
    {
        Volatile.Write(ref _silenceSince, timestamp);
        if (Volatile.Read(ref _timeoutReported) != 0)
        {
            Volatile.Write(ref _timeoutReported, 0);
        }
    }

    /// <summary>True once per silence longer than <paramref name="timeout"/>, on the watchdog's thread.</summary>
    internal bool TryTimeOut(long now, TimeSpan timeout, out TimeSpan silentFor)
    {
        silentFor = TimeSpan.Zero;
        if (!_monitored || _timeoutPaused)
        {
            return false;
        }

        silentFor = _time.GetElapsedTime(Volatile.Read(ref _silenceSince), now);
        return silentFor >= timeout && Interlocked.CompareExchange(ref _timeoutReported, 1, 0) == 0;
    }

    private void RestartSilenceClock()
    {
        Volatile.Write(ref _silenceSince, _time.GetTimestamp());
        Volatile.Write(ref _timeoutReported, 0);
    }

    private IPEndPoint? ToEndPoint(SocketAddress? address) => address is null ? null : Sockets.ToEndPoint(address);
}
