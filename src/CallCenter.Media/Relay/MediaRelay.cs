using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Audio;
using CallCenter.Media.Codecs;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Relay;

/// <summary>
/// The media of one call: two legs (customer, agent), each with an RTP/RTCP port pair, and one receive loop per
/// socket. Bridged, a packet from one phone goes out of the other leg's socket to the other phone with SSRC,
/// sequence and timestamp untouched; only the payload type is renumbered and PCMA/PCMU converted, in the receive
/// buffer itself. The loops (<see cref="RelayReceiver"/>) allocate nothing and take no lock per packet; the owner's
/// control calls publish immutable values the loops read with volatile reads.
/// </summary>
public sealed class MediaRelay : IMediaRelay
{
    private readonly PortAllocator _ports;
    private readonly IMediaEvents _events;
    private readonly TimeProvider _time;
    private readonly MediaRelayOptions _options;
    private readonly MediaLeg _customer;
    private readonly MediaLeg _agent;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _watchdog;
    private volatile bool _bridged;
    private int _disposed;
    private int _running;
    private long _eventHandlerFailures;

    private MediaRelay(
        PortAllocator ports,
        IMediaEvents events,
        TimeProvider time,
        MediaRelayOptions options,
        MediaSocketPair customer,
        MediaSocketPair agent)
    {
        _ports = ports;
        _events = events;
        _time = time;
        _options = options;
        var takeover = (long)(options.LatchTakeover.TotalSeconds * time.TimestampFrequency);
        _customer = new MediaLeg(MediaLegId.Customer, this, customer, time, takeover);
        _agent = new MediaLeg(MediaLegId.Agent, this, agent, time, takeover);

        // The loops and timers must not carry the opener's ExecutionContext: its AsyncLocals (an actor's context,
        // Activity.Current, logging scopes) mean nothing to them and would stay reachable for the whole call.
        using (ExecutionContext.SuppressFlow())
        {
            _running = 4;
            foreach (var leg in (ReadOnlySpan<MediaLeg>)[_customer, _agent])
            {
                new RelayReceiver(this, leg, rtcp: false, options.MaxDatagramBytes).Start();
                new RelayReceiver(this, leg, rtcp: true, options.MaxDatagramBytes).Start();
            }

            if (options.MediaTimeout is not null)
            {
                _watchdog = time.CreateTimer(
                    static state => ((MediaRelay)state!).CheckTimeouts(), this, options.TimeoutCheckInterval, options.TimeoutCheckInterval);
            }
        }
    }

    public MediaLeg Customer => _customer;

    public MediaLeg Agent => _agent;

    IMediaLeg IMediaRelay.Customer => _customer;

    IMediaLeg IMediaRelay.Agent => _agent;

    public bool IsBridged => _bridged;

    /// <summary>Exceptions thrown by the owner's <see cref="IMediaEvents"/> and swallowed to keep the loops alive.</summary>
    public long EventHandlerFailures => Interlocked.Read(ref _eventHandlerFailures);

    /// <summary>Completes when every receive loop has ended (after disposal).</summary>
    public Task Completion => _ended.Task;

    internal object ControlGate { get; } = new();

    /// <summary>Binds two port pairs from <paramref name="ports"/> and starts receiving.</summary>
    /// <exception cref="MediaPortsExhaustedException">The range has no two free pairs left.</exception>
    public static MediaRelay Open(PortAllocator ports, IMediaEvents events, MediaRelayOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(events);
        options ??= MediaRelayOptions.Default;
        options.Validate();
        var customer = MediaSocketPair.Bind(ports, options.BindAddress);
        MediaSocketPair agent;
        try
        {
            agent = MediaSocketPair.Bind(ports, options.BindAddress);
        }
        catch
        {
            customer.Dispose();
            ports.Release(customer.RtpPort);
            throw;
        }

        return new MediaRelay(ports, events, time ?? TimeProvider.System, options, customer, agent);
    }

    public MediaLeg GetLeg(MediaLegId leg) => leg == MediaLegId.Customer ? _customer : _agent;

    IMediaLeg IMediaRelay.GetLeg(MediaLegId leg) => GetLeg(leg);

    public void StartPlayback(MediaLegId leg, IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (ControlGate)
        {
            ThrowIfDisposed();
            var target = GetLeg(leg);
            if (!target.Media.CanPlay)
            {
                throw new InvalidOperationException($"the {leg} leg negotiated no G.711 format, so the player has nothing to send in");
            }

            target.ReplacePlayer(new RtpPlayer(target, source, _time, target.PlayerStream));
        }
    }

    public void StopPlayback(MediaLegId leg)
    {
        lock (ControlGate)
        {
            GetLeg(leg).ReplacePlayer(null);
        }
    }

    public bool IsPlaying(MediaLegId leg) => GetLeg(leg).IsPlaying;

    public void Bridge()
    {
        lock (ControlGate)
        {
            ThrowIfDisposed();
            _customer.ReplacePlayer(null);
            _agent.ReplacePlayer(null);
            _bridged = true;
        }
    }

    public void Unbridge()
    {
        lock (ControlGate)
        {
            _bridged = false;
        }
    }

    /// <summary>Stops players and the watchdog, closes the sockets (ending the loops) and returns the ports at once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _watchdog?.Dispose();
        lock (ControlGate)
        {
            _bridged = false;
            _customer.ReplacePlayer(null);
            _agent.ReplacePlayer(null);
        }

        // A closed UDP socket frees its port immediately, so the pair can go straight back to the allocator.
        _customer.Sockets.Dispose();
        _agent.Sockets.Dispose();
        _ports.Release(_customer.Sockets.RtpPort);
        _ports.Release(_agent.Sockets.RtpPort);
    }

    /// <summary>Like <see cref="Dispose"/>, then waits for the receive loops to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await Completion.ConfigureAwait(false);
    }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Recomputes both directions' payload plans after a leg's formats changed (under the control lock).</summary>
    internal void RebuildPlans()
    {
        _customer.Outbound = ForwardPlan.Build(_customer.Media, _agent.Media);
        _agent.Outbound = ForwardPlan.Build(_agent.Media, _customer.Media);
    }

    /// <summary>Everything that happens to one datagram received on a leg's RTP socket.</summary>
    internal void HandleRtp(MediaLeg from, Span<byte> datagram, SocketAddress source)
    {
        var counters = from.Counters;
        counters.RtpReceived(datagram.Length);
        if (RtcpPacket.LooksLikeRtcp(datagram))
        {
            // This relay never offers rtcp-mux; RTCP sent to the RTP port anyway is counted, not misread as RTP.
            counters.RtcpReceived();
            counters.RtcpDropped();
            counters.RtpDropped();
            return;
        }

        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            counters.RtpDropped();
            return;
        }

        var now = _time.GetTimestamp();
        var latch = from.RtpLatch.Accept(source, packet.Ssrc, now, from.NamedRtp);
        if (latch == LatchOutcome.Refused)
        {
            counters.RtpDropped();
            return;
        }

        counters.RtpAlive(now);
        from.NoteMedia(now);
        if (latch != LatchOutcome.Same)
        {
            ReportLatch(from, latch);
        }

        DetectDtmf(from, packet);
        var to = from == _customer ? _agent : _customer;
        if (!_bridged || to.IsPlaying)
        {
            counters.RtpHeld();
            return;
        }

        if (!from.Outbound.TryRoute(packet.PayloadType, out var payloadType, out var table))
        {
            counters.RtpDropped();
            return;
        }

        if (table is not null)
        {
            G711Transcoder.TranscodeInPlace(datagram.Slice(packet.HeaderLength, packet.PayloadLength), table);
        }

        if (payloadType != packet.PayloadType)
        {
            RtpPacketWriter.SetPayloadType(datagram, payloadType);
        }

        if (to.SendToPhone(datagram))
        {
            counters.RtpForwarded();
        }
        else
        {
            counters.RtpDropped();
        }
    }

    /// <summary>One datagram received on a leg's RTCP socket: validated, latched and relayed while bridged.</summary>
    internal void HandleRtcp(MediaLeg from, Span<byte> datagram, SocketAddress source)
    {
        var counters = from.Counters;
        counters.RtcpReceived();
        if (!RtcpPacket.TryValidate(datagram, out var senderSsrc) ||
            from.RtcpLatch.Accept(source, senderSsrc, _time.GetTimestamp(), from.NamedRtcp) == LatchOutcome.Refused)
        {
            counters.RtcpDropped();
            return;
        }

        var to = from == _customer ? _agent : _customer;
        if (_bridged && !to.IsPlaying && to.SendRtcpToPhone(datagram))
        {
            counters.RtcpForwarded();
        }
        else
        {
            counters.RtcpDropped();
        }
    }

    internal void CheckTimeouts()
    {
        if (Volatile.Read(ref _disposed) != 0 || _options.MediaTimeout is not { } timeout)
        {
            return;
        }

        var now = _time.GetTimestamp();
        foreach (var leg in (ReadOnlySpan<MediaLeg>)[_customer, _agent])
        {
            if (leg.TryTimeOut(now, timeout, out var silentFor))
            {
                try
                {
                    _events.OnMediaTimeout(leg.Id, silentFor);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _eventHandlerFailures);
                }
            }
        }
    }

    /// <summary>One datagram from a receive loop; a bug in handling it costs that datagram, never the loop.</summary>
    internal void HandleDatagram(MediaLeg leg, bool rtcp, Span<byte> datagram, SocketAddress source)
    {
        try
        {
            if (rtcp)
            {
                HandleRtcp(leg, datagram, source);
            }
            else
            {
                HandleRtp(leg, datagram, source);
            }
        }
        catch (Exception)
        {
            // Parsing never throws; should a bug break that promise, one datagram is lost, not the leg.
            CountDropped(leg, rtcp);
        }
    }

    /// <summary>A receive loop ended (after disposal); the last one completes <see cref="Completion"/>.</summary>
    internal void ReceiverEnded()
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _ended.TrySetResult();
        }
    }

    private static void CountDropped(MediaLeg leg, bool rtcp)
    {
        if (rtcp)
        {
            leg.Counters.RtcpDropped();
        }
        else
        {
            leg.Counters.RtpDropped();
        }
    }

    private void ReportLatch(MediaLeg leg, LatchOutcome outcome)
    {
        var latched = leg.RtpLatch.Latched;
        if (latched is null)
        {
            return;
        }

        var endPoint = leg.Sockets.ToEndPoint(latched);
        try
        {
            if (outcome == LatchOutcome.First)
            {
                _events.OnFirstPacket(leg.Id, endPoint);
            }
            else
            {
                _events.OnSourceChanged(leg.Id, endPoint);
            }
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _eventHandlerFailures);
        }
    }

    private void DetectDtmf(MediaLeg leg, in RtpPacket packet)
    {
        Span<DtmfDigitEvent> digits = stackalloc DtmfDigitEvent[DtmfDetector.MaxDigitsPerPacket];
        int count;
        if (packet.PayloadType == leg.Media.TelephoneEventPayloadType)
        {
            count = leg.Dtmf.Accept(packet.Ssrc, packet.Timestamp, packet.Payload, digits);
        }
        else
        {
            count = leg.Dtmf.TryObserveMedia(packet.Ssrc, packet.Timestamp, out digits[0]) ? 1 : 0;
        }

        for (var i = 0; i < count; i++)
        {
            try
            {
                _events.OnDtmf(leg.Id, digits[i]);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _eventHandlerFailures);
            }
        }
    }
}
