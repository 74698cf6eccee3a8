using System.Net;

namespace CallCenter.Media.Relay;

/// <summary>
/// Symmetric RTP (RFC 4961 behaviour expected of NATed phones): send to where a leg's packets really come from.
/// The first valid packet latches. Afterwards another address takes over only if it is the address the SDP named
/// (the phone is not behind NAT, so it always wins), carries the latched SSRC (the same stream after a NAT
/// rebinding) or the latched source has been silent for the takeover time: a stranger spraying packets at the
/// port cannot steal a live call's audio (the "RTP bleed" attack).
/// <see cref="Accept"/> runs on the leg's receive loop only; <see cref="Latched"/> is read by the other loop.
/// </summary>
internal sealed class SymmetricLatch(long takeoverTicks)
{
    private SocketAddress? _latched;
    private bool _everLatched;
    private uint _ssrc;
    private long _lastSeen;

    public SocketAddress? Latched => Volatile.Read(ref _latched);

    /// <param name="source">Where the packet came from (the loop's reused address object; copied when latched).</param>
    /// <param name="ssrc">The packet's stream.</param>
    /// <param name="now">Provider timestamp of arrival.</param>
    /// <param name="named">The address from the SDP, if any.</param>
    public LatchOutcome Accept(SocketAddress source, uint ssrc, long now, SocketAddress? named)
    {
        var latched = Volatile.Read(ref _latched);
        LatchOutcome outcome;
        if (latched is not null && latched.Equals(source))
        {
            outcome = LatchOutcome.Same;
        }
        else if (latched is null || ssrc == _ssrc || source.Equals(named) || now - _lastSeen >= takeoverTicks)
        {
            // Only a new address costs an allocation: the loop's address object is reused for every receive.
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            Volatile.Write(ref _latched, copy);
            outcome = _everLatched ? LatchOutcome.Moved : LatchOutcome.First;
            _everLatched = true;
        }
        else
        {
            return LatchOutcome.Refused;
        }

        _ssrc = ssrc;
        _lastSeen = now;
        return outcome;
    }

    /// <summary>Forgets the address (the SDP named another one); the next packet latches again.</summary>
    public void Reset() => Volatile.Write(ref _latched, null);
}
