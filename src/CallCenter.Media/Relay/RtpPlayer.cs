using CallCenter.Media.Audio;
using CallCenter.Media.Codecs;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Relay;

/// <summary>
/// Feeds a leg from an audio source: a 20 ms G.711 frame per tick of a timer from the injected clock, with the
/// leg's own SSRC, consecutive sequence numbers and a timestamp that advances 160 per frame. Frames are due by
/// elapsed time, not by tick count, so a late timer catches up (at most <see cref="MaxBurst"/> at once; a longer
/// stall is skipped, moving the timestamp on without sending stale audio in a burst).
/// </summary>
internal sealed class RtpPlayer : IDisposable
{
    public const int MaxBurst = 3;

    private static readonly TimeSpan FrameTime = TimeSpan.FromMilliseconds(20);

    private readonly MediaLeg _leg;
    private readonly IAudioSource _source;
    private readonly TimeProvider _time;
    private readonly PlayerStream _stream;
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + G711.SamplesPerFrame];
    private readonly long _started;
    private ITimer? _timer;
    private long _framesDue;
    private int _ticking;
    private volatile bool _stopped;
    private bool _marker = true;

    public RtpPlayer(MediaLeg leg, IAudioSource source, TimeProvider time, PlayerStream stream)
    {
        _leg = leg;
        _source = source;
        _time = time;
        _stream = stream;
        _started = time.GetTimestamp();
        lock (stream.Gate)
        {
            if (stream.HasSent)
            {
                // The RTP clock kept running while nothing played: jump the timestamp by the pause.
                var paused = time.GetElapsedTime(stream.LastFrameAt, _started);
                stream.NextTimestamp += (uint)(paused.Ticks / FrameTime.Ticks * G711.SamplesPerFrame);
            }
        }
    }

    public void Start()
    {
        // The owner's ExecutionContext (an actor's, with its AsyncLocals) has no business on the media timer.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = _time.CreateTimer(static state => ((RtpPlayer)state!).Tick(), this, FrameTime, FrameTime);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _timer?.Dispose();
    }

    /// <summary>One timer tick; reentrant ticks (a slow send) are skipped rather than queued.</summary>
    internal void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) != 0)
        {
            return;
        }

        try
        {
            var due = _time.GetElapsedTime(_started).Ticks / FrameTime.Ticks;
            var behind = due - _framesDue;
            if (behind > MaxBurst)
            {
                Skip(behind - MaxBurst);
                behind = MaxBurst;
            }

            for (var i = 0; i < behind && !_stopped; i++)
            {
                SendFrame();
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void Skip(long frames)
    {
        lock (_stream.Gate)
        {
            _stream.NextTimestamp += (uint)(frames * G711.SamplesPerFrame);
        }

        _framesDue += frames;
    }

    private void SendFrame()
    {
        _framesDue++;
        var media = _leg.Media;
        int length;
        lock (_stream.Gate)
        {
            var header = new RtpHeader(media.PlayerPayloadType, _stream.NextSequence, _stream.NextTimestamp, _stream.Ssrc, _marker);
            RtpPacketWriter.TryWrite(_packet, header, [], out var headerLength);
            _source.ReadG711(media.PlayerCodec, _packet.AsSpan(headerLength, G711.SamplesPerFrame));
            length = headerLength + G711.SamplesPerFrame;
            _stream.NextSequence++;
            _stream.NextTimestamp += G711.SamplesPerFrame;
            _stream.LastFrameAt = _time.GetTimestamp();
        }

        _marker = false;
        _leg.SendToPhone(_packet.AsSpan(0, length));
    }
}
