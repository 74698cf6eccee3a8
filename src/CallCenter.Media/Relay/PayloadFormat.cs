using CallCenter.Media.Codecs;

namespace CallCenter.Media.Relay;

/// <summary>A format a leg negotiated: the payload type the peer uses for it and its rtpmap identity.</summary>
public sealed record PayloadFormat(byte PayloadType, string EncodingName, int ClockRate = 8000, int Channels = 1)
{
    public const string TelephoneEventName = "telephone-event";

    public static PayloadFormat Pcmu { get; } = new(0, "PCMU");

    public static PayloadFormat Pcma { get; } = new(8, "PCMA");

    public static PayloadFormat TelephoneEvent(byte payloadType) => new(payloadType, TelephoneEventName);

    public bool IsTelephoneEvent => string.Equals(EncodingName, TelephoneEventName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The G.711 law when this is PCMU or PCMA at 8 kHz mono.</summary>
    public bool TryGetG711(out G711Codec codec) =>
        G711.TryFromEncodingName(EncodingName, out codec) && ClockRate == G711.SampleRate && Channels == 1;

    /// <summary>Same encoding, rate and channels, whatever the payload numbers (they differ between legs).</summary>
    public bool IsSameEncoding(PayloadFormat other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase) &&
        ClockRate == other.ClockRate && Channels == other.Channels;
}
