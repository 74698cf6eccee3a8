using System.Buffers.Binary;

namespace CallCenter.Media.Rtp;

/// <summary>
/// A validated view over one RTP datagram (RFC 3550 §5.1). Nothing is copied: every field is read from the bytes,
/// so a relay can parse, inspect and then rewrite the same buffer in place.
/// </summary>
public readonly ref struct RtpPacket
{
    public const int FixedHeaderLength = 12;
    public const int SupportedVersion = 2;
    public const int MaxCsrcCount = 15;
    public const int MaxPayloadType = 127;

    private RtpPacket(ReadOnlySpan<byte> data, int headerLength, int paddingLength)
    {
        Data = data;
        HeaderLength = headerLength;
        PaddingLength = paddingLength;
    }

    /// <summary>The whole datagram.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Fixed header + CSRC list + header extension: where the payload starts.</summary>
    public int HeaderLength { get; }

    /// <summary>Padding octets at the end, including the count octet itself (0 without the P bit).</summary>
    public int PaddingLength { get; }

    public int Version => Data[0] >> 6;

    public bool HasPadding => (Data[0] & 0x20) != 0;

    public bool HasExtension => (Data[0] & 0x10) != 0;

    public int CsrcCount => Data[0] & 0x0F;

    public bool Marker => (Data[1] & 0x80) != 0;

    public byte PayloadType => (byte)(Data[1] & 0x7F);

    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(Data[2..]);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(Data[4..]);

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(Data[8..]);

    /// <summary>The profile-defined 16 bits of the header extension (0 without one).</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(Data[ExtensionOffset..]) : (ushort)0;

    /// <summary>The header extension's data words, without its 4-byte header (empty without one).</summary>
    public ReadOnlySpan<byte> ExtensionData =>
        HasExtension ? Data[(ExtensionOffset + 4)..HeaderLength] : [];

    public int PayloadLength => Data.Length - HeaderLength - PaddingLength;

    public ReadOnlySpan<byte> Payload => Data.Slice(HeaderLength, PayloadLength);

    private int ExtensionOffset => FixedHeaderLength + (4 * CsrcCount);

    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(Data[(FixedHeaderLength + (4 * index))..]);
    }

    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet) => TryParse(data, out packet, out _);

    /// <summary>Validates the header lengths against the datagram; never throws, whatever the bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet, out RtpParseError error)
    {
        packet = default;
        error = Validate(data, out var headerLength, out var paddingLength);
        if (error != RtpParseError.None)
        {
            return false;
        }

        packet = new RtpPacket(data, headerLength, paddingLength);
        return true;
    }

    private static RtpParseError Validate(ReadOnlySpan<byte> data, out int headerLength, out int paddingLength)
    {
        headerLength = 0;
        paddingLength = 0;
        if (data.Length < FixedHeaderLength)
        {
            return RtpParseError.TooShort;
        }

        var first = data[0];
        if (first >> 6 != SupportedVersion)
        {
            return RtpParseError.UnsupportedVersion;
        }

        var length = FixedHeaderLength + (4 * (first & 0x0F));
        if (length > data.Length)
        {
            return RtpParseError.CsrcListTruncated;
        }

        if ((first & 0x10) != 0)
        {
            if (length + 4 > data.Length)
            {
                return RtpParseError.ExtensionTruncated;
            }

            // The length field counts 32-bit words after the 4-byte extension header (RFC 3550 §5.3.1).
            var words = BinaryPrimitives.ReadUInt16BigEndian(data[(length + 2)..]);
            length += 4 + (4 * words);
            if (length > data.Length)
            {
                return RtpParseError.ExtensionTruncated;
            }
        }

        if ((first & 0x20) != 0)
        {
            // The last octet counts the padding, itself included, so zero is as wrong as too many.
            var padding = data[^1];
            if (padding == 0 || padding > data.Length - length)
            {
                return RtpParseError.InvalidPadding;
            }

            paddingLength = padding;
        }

        headerLength = length;
        return RtpParseError.None;
    }
}
