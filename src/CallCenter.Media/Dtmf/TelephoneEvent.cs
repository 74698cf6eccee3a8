using System.Buffers.Binary;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// One RFC 4733 §2.3 telephone-event payload block: event code, end bit, volume (0 to −63 dBm0, stored as 0-63)
/// and the duration so far in timestamp units.
/// </summary>
public readonly record struct TelephoneEvent(byte EventCode, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;
    public const byte MaxVolume = 63;

    /// <summary>Reads the first block; false when fewer than 4 bytes. Trailing bytes are ignored.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Length)
        {
            telephoneEvent = default;
            return false;
        }

        // The R bit (0x40) is reserved: ignored on receipt (RFC 4733 §2.3.3).
        telephoneEvent = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(Volume, MaxVolume, nameof(Volume));
        destination[0] = EventCode;
        destination[1] = (byte)((End ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return true;
    }

    /// <summary>The DTMF key for event codes 0-15; false for other events (flash, tones).</summary>
    public bool TryGetDigit(out char digit) => DtmfDigits.TryGetDigit(EventCode, out digit);
}
