namespace CallCenter.Media.Dtmf;

/// <summary>
/// Recognises RFC 4733 key presses on one RTP stream and reports each exactly once, without allocating.
/// <list type="bullet">
/// <item>All packets with the same SSRC and timestamp are one event (§2.5.1.3), however many arrive.</item>
/// <item>A digit is reported on its first end packet; the end's retransmissions (§2.5.1.4, usually three) and any
/// late update are ignored.</item>
/// <item>When the end never arrives, the digit is reported, with <see cref="DtmfDigitEvent.EndSeen"/> false, when the
/// stream moves on: the next event starts (a new timestamp or SSRC), audio of the same stream resumes well past the
/// event's last known duration (<see cref="AudioGraceUnits"/>), or the owner calls <see cref="TryFlush"/>. It is
/// deliberately not reported on its first packet: that would announce a key before knowing it was really pressed
/// and would need a second rule to suppress the end.</item>
/// <item>Packets of an earlier event arriving late (timestamp behind the current one) are ignored.</item>
/// <item>Events other than 0-15 (flash, tones) take part in the bookkeeping but are never reported.</item>
/// </list>
/// Not thread-safe: one detector per stream, fed from that stream's receive loop.
/// </summary>
public sealed class DtmfDetector
{
    /// <summary>A packet can finish a digit whose end was lost and then carry a complete short digit itself.</summary>
    public const int MaxDigitsPerPacket = 2;

    /// <summary>200 ms at 8 kHz: audio this far past the event's last known end means the end packets were lost.</summary>
    public const int AudioGraceUnits = 1600;

    private bool _active;
    private bool _reported;
    private uint _ssrc;
    private uint _timestamp;
    private byte _eventCode;
    private byte _volume;
    private ushort _duration;

    /// <summary>
    /// Feeds one telephone-event packet and writes the digits it completes into <paramref name="detected"/>
    /// (at least <see cref="MaxDigitsPerPacket"/> slots); returns how many were written (0-2).
    /// </summary>
    public int Accept(uint ssrc, uint timestamp, ReadOnlySpan<byte> payload, Span<DtmfDigitEvent> detected)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(detected.Length, MaxDigitsPerPacket, nameof(detected));
        if (!TelephoneEvent.TryParse(payload, out var telephoneEvent))
        {
            return 0;
        }

        var count = 0;
        if (_active && ssrc == _ssrc)
        {
            var ahead = unchecked((int)(timestamp - _timestamp));
            if (ahead == 0)
            {
                if (!_reported)
                {
                    Update(telephoneEvent);
                    if (telephoneEvent.End && TryReport(true, out var ended))
                    {
                        detected[count++] = ended;
                    }
                }

                return count;
            }

            if (ahead < 0)
            {
                return 0;
            }
        }

        if (TryReport(false, out var unfinished))
        {
            detected[count++] = unfinished;
        }

        _active = true;
        _reported = false;
        _ssrc = ssrc;
        _timestamp = timestamp;
        _eventCode = telephoneEvent.EventCode;
        _duration = 0;
        Update(telephoneEvent);
        if (telephoneEvent.End && TryReport(true, out var immediate))
        {
            detected[count++] = immediate;
        }

        return count;
    }

    /// <summary>Feeds the timestamp of a non-event packet of a stream; reports a digit whose end was evidently lost.</summary>
    public bool TryObserveMedia(uint ssrc, uint timestamp, out DtmfDigitEvent digit)
    {
        if (_active && !_reported && ssrc == _ssrc &&
            unchecked((int)(timestamp - (_timestamp + _duration))) > AudioGraceUnits)
        {
            return TryReport(false, out digit);
        }

        digit = default;
        return false;
    }

    /// <summary>Reports the current digit if its end has not been seen (the call is ending, or a timer decided).</summary>
    public bool TryFlush(out DtmfDigitEvent digit) => TryReport(false, out digit);

    private void Update(TelephoneEvent telephoneEvent)
    {
        // Durations only grow within an event; a smaller one is a reordered older update.
        if (telephoneEvent.Duration > _duration)
        {
            _duration = telephoneEvent.Duration;
        }

        _volume = telephoneEvent.Volume;
    }

    private bool TryReport(bool endSeen, out DtmfDigitEvent digit)
    {
        digit = default;
        if (!_active || _reported)
        {
            return false;
        }

        _reported = true;
        if (!DtmfDigits.TryGetDigit(_eventCode, out var key))
        {
            return false;
        }

        digit = new DtmfDigitEvent(key, _ssrc, _timestamp, _duration, endSeen, _volume);
        return true;
    }
}
