using CallCenter.Media.Rtp;

namespace CallCenter.Media.Dtmf;

/// <summary>One RTP packet of a generated key press: its header and its telephone-event block.</summary>
public readonly record struct DtmfPacket(RtpHeader Header, TelephoneEvent Event)
{
    public const int Length = RtpPacket.FixedHeaderLength + TelephoneEvent.Length;

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        Span<byte> payload = stackalloc byte[TelephoneEvent.Length];
        Event.TryWrite(payload);
        return RtpPacketWriter.TryWrite(destination, Header, payload, out bytesWritten);
    }

    public byte[] ToArray()
    {
        var packet = new byte[Length];
        TryWrite(packet, out _);
        return packet;
    }
}
