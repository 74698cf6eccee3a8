using CallCenter.Media.Codecs;

namespace CallCenter.Media.Relay;

/// <summary>A leg's negotiated formats, digested once for the receive loops (immutable, swapped whole).</summary>
internal sealed class LegMedia
{
    public const int None = -1;

    private LegMedia(IReadOnlyList<PayloadFormat> formats)
    {
        Formats = formats;
        foreach (var format in formats)
        {
            if (format.IsTelephoneEvent && TelephoneEventPayloadType == None)
            {
                TelephoneEventPayloadType = format.PayloadType;
            }
            else if (!HasG711 && format.TryGetG711(out var codec))
            {
                HasG711 = true;
                PlayerCodec = codec;
                PlayerPayloadType = format.PayloadType;
            }
        }
    }

    /// <summary>Nothing negotiated yet: packets pass through as they are, the player speaks PCMU on 0.</summary>
    public static LegMedia Unset { get; } = new([]);

    public IReadOnlyList<PayloadFormat> Formats { get; }

    public bool IsUnset => Formats.Count == 0;

    public int TelephoneEventPayloadType { get; } = None;

    public bool HasG711 { get; }

    public G711Codec PlayerCodec { get; } = G711Codec.MuLaw;

    public byte PlayerPayloadType { get; } = G711Codec.MuLaw.PayloadType();

    public bool CanPlay => IsUnset || HasG711;

    public static LegMedia From(IReadOnlyList<PayloadFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        for (var i = 0; i < formats.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(formats[i].PayloadType, Rtp.RtpPacket.MaxPayloadType, nameof(formats));
            for (var j = 0; j < i; j++)
            {
                if (formats[j].PayloadType == formats[i].PayloadType)
                {
                    throw new ArgumentException($"payload type {formats[i].PayloadType} is listed twice", nameof(formats));
                }
            }
        }

        return formats.Count == 0 ? Unset : new LegMedia([.. formats]);
    }

    public PayloadFormat? Find(byte payloadType)
    {
        foreach (var format in Formats)
        {
            if (format.PayloadType == payloadType)
            {
                return format;
            }
        }

        return null;
    }
}
