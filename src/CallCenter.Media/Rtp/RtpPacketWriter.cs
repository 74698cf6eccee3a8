using System.Buffers.Binary;

namespace CallCenter.Media.Rtp;

/// <summary>
/// Builds RTP packets into caller-owned buffers (no allocation), plus small in-place edits a relay needs.
/// Invalid field values are programming errors and throw; a too-small destination returns false.
/// </summary>
public static class RtpPacketWriter
{
    /// <summary>Bytes needed for a packet with these parts.</summary>
    public static int GetLength(int payloadLength, int csrcCount = 0, int extensionDataLength = -1, int paddingLength = 0) =>
        RtpPacket.FixedHeaderLength + (4 * csrcCount) + (extensionDataLength < 0 ? 0 : 4 + extensionDataLength) +
        payloadLength + paddingLength;

    public static bool TryWrite(Span<byte> destination, RtpHeader header, ReadOnlySpan<byte> payload, out int bytesWritten) =>
        TryWrite(destination, header, [], default, payload, 0, out bytesWritten);

    /// <summary>
    /// Writes a full packet: CSRC list, optional header extension, payload and optional padding
    /// (<paramref name="paddingLength"/> is 0, or 1-255 octets after the payload, the last one holding the count).
    /// </summary>
    public static bool TryWrite(
        Span<byte> destination,
        RtpHeader header,
        ReadOnlySpan<uint> csrcs,
        RtpExtension extension,
        ReadOnlySpan<byte> payload,
        int paddingLength,
        out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.PayloadType, RtpPacket.MaxPayloadType, nameof(header));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, RtpPacket.MaxCsrcCount, nameof(csrcs));
        ArgumentOutOfRangeException.ThrowIfNegative(paddingLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paddingLength, byte.MaxValue);
        if (extension.IsPresent && (extension.Data.Length % 4 != 0 || extension.Data.Length / 4 > ushort.MaxValue))
        {
            throw new ArgumentException("extension data must be whole 32-bit words, at most 65535 of them", nameof(extension));
        }

        var length = GetLength(payload.Length, csrcs.Length, extension.IsPresent ? extension.Data.Length : -1, paddingLength);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return false;
        }

        destination[0] = (byte)((RtpPacket.SupportedVersion << 6)
            | (paddingLength > 0 ? 0x20 : 0)
            | (extension.IsPresent ? 0x10 : 0)
            | csrcs.Length);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        var offset = RtpPacket.FixedHeaderLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (extension.IsPresent)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extension.Profile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Data.Length / 4));
            extension.Data.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Data.Length;
        }

        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (paddingLength > 0)
        {
            destination.Slice(offset, paddingLength - 1).Clear();
            destination[offset + paddingLength - 1] = (byte)paddingLength;
            offset += paddingLength;
        }

        bytesWritten = offset;
        return true;
    }

    /// <summary>A new array holding the packet: for tests, DTMF bursts and other cold paths.</summary>
    public static byte[] ToArray(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var packet = new byte[GetLength(payload.Length)];
        TryWrite(packet, header, payload, out _);
        return packet;
    }

    /// <summary>Replaces the payload type of a packet in place, keeping its marker bit.</summary>
    public static void SetPayloadType(Span<byte> packet, byte payloadType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, RtpPacket.MaxPayloadType);
        packet[1] = (byte)((packet[1] & 0x80) | payloadType);
    }
}
