using System.Buffers.Binary;

namespace CallCenter.Media.Rtp;

/// <summary>
/// Just enough RTCP (RFC 3550 §6) for a relay: tell it from RTP and check that a compound packet is well framed.
/// The reports themselves pass through untouched.
/// </summary>
public static class RtcpPacket
{
    public const int HeaderLength = 4;
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte TransportFeedback = 205;
    public const byte ExtendedReport = 207;

    /// <summary>
    /// True when the second octet is in the RTCP packet-type range 192-223 (RFC 5761 §4): how a packet multiplexed
    /// onto the RTP port is told apart, since no RTP payload type maps there.
    /// </summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= HeaderLength && datagram[1] is >= 192 and <= 223;

    /// <summary>
    /// Validates a compound packet: every part is version 2 with a length that ends exactly on the datagram's end,
    /// the first is SR or RR (RFC 3550 A.2) or, in RFC 5506 reduced-size RTCP, feedback or XR, and only the last
    /// may be padded.
    /// <paramref name="senderSsrc"/> is the first part's SSRC: the reporting source, used for latching.
    /// </summary>
    public static bool TryValidate(ReadOnlySpan<byte> datagram, out uint senderSsrc)
    {
        senderSsrc = 0;
        if (datagram.Length < HeaderLength + 4 || datagram[1] is not (SenderReport or ReceiverReport or >= TransportFeedback and <= ExtendedReport))
        {
            return false;
        }

        var offset = 0;
        while (offset < datagram.Length)
        {
            if (datagram.Length - offset < HeaderLength || datagram[offset] >> 6 != RtpPacket.SupportedVersion)
            {
                return false;
            }

            var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) + 1);
            if (length > datagram.Length - offset || (offset == 0 && length < HeaderLength + 4))
            {
                return false;
            }

            var padded = (datagram[offset] & 0x20) != 0;
            offset += length;
            if (padded && offset != datagram.Length)
            {
                return false;
            }
        }

        senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);
        return true;
    }
}
