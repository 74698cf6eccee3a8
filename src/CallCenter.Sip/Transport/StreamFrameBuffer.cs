using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Transport;

internal enum StreamFrameKind
{
    /// <summary>One complete message, ready for the parser.</summary>
    Message,

    /// <summary>CR/LF bytes between messages; <see cref="StreamFrame.Pings"/> says how many double-CRLF pings they completed.</summary>
    KeepAlive,

    /// <summary>The stream cannot be framed any more: close the connection.</summary>
    Invalid,
}

/// <summary>One item cut from the stream. <see cref="Data"/> points into the buffer and is valid until the next read.</summary>
internal readonly record struct StreamFrame(StreamFrameKind Kind, ReadOnlyMemory<byte> Data, int Pings = 0, SipParseError? Error = null);

/// <summary>
/// The receive buffer of one stream connection: bytes arrive in any cut (a message over several reads, several
/// messages in one read) and leave as whole frames (RFC 3261 §18.3). Capacity starts small, grows on demand, and
/// never exceeds the message size limit: a peer that fills it without completing a frame is broken or hostile.
/// </summary>
internal sealed class StreamFrameBuffer
{
    private const int InitialCapacity = 4096;

    private readonly SipParserLimits _limits;
    private readonly int _maxCapacity;
    private byte[] _buffer;
    private int _start;
    private int _end;

    // Progress through "\r\n\r\n" across keep-alive runs, so a ping split over two reads is still seen.
    private int _pingProgress;

    public StreamFrameBuffer(SipParserLimits limits)
    {
        _limits = limits;
        _maxCapacity = Math.Max(limits.MaxMessageBytes, 16);
        _buffer = new byte[Math.Min(InitialCapacity, _maxCapacity)];
    }

    public int Buffered => _end - _start;

    /// <summary>Free space to read into; empty when the buffer is full at its limit.</summary>
    public Memory<byte> GetWriteMemory()
    {
        if (_end == _buffer.Length && _start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length && _buffer.Length < _maxCapacity)
        {
            var grown = new byte[(int)Math.Min((long)_buffer.Length * 2, _maxCapacity)];
            _buffer.AsSpan(0, _end).CopyTo(grown);
            _buffer = grown;
        }

        return _buffer.AsMemory(_end);
    }

    public void Advance(int count) => _end += count;

    public bool TryRead(out StreamFrame frame)
    {
        frame = default;
        if (_start == _end)
        {
            _start = _end = 0;
            return false;
        }

        var data = _buffer.AsMemory(_start, _end - _start);
        switch (SipStreamFramer.TryFrame(data.Span, _limits, out var length, out var error))
        {
            case FrameStatus.Message:
                _pingProgress = 0;
                frame = new StreamFrame(StreamFrameKind.Message, data[..length]);
                _start += length;
                return true;
            case FrameStatus.KeepAlive:
                frame = new StreamFrame(StreamFrameKind.KeepAlive, data[..length], CountPings(data.Span[..length]));
                _start += length;
                return true;
            case FrameStatus.Invalid:
                frame = new StreamFrame(StreamFrameKind.Invalid, default, Error: error);
                _start = _end;
                return true;
            default:
                return false;
        }
    }

    private int CountPings(ReadOnlySpan<byte> run)
    {
        var pings = 0;
        foreach (var b in run)
        {
            var expected = _pingProgress % 2 == 0 ? (byte)'\r' : (byte)'\n';
            if (b == expected)
            {
                _pingProgress++;
            }
            else
            {
                _pingProgress = b == '\r' ? 1 : 0;
            }

            if (_pingProgress == 4)
            {
                pings++;
                _pingProgress = 0;
            }
        }

        return pings;
    }
}
