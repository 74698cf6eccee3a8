namespace CallCenter.Sip.Sdp;

/// <summary>An audio format we can handle, with the payload type we use for it in our own offers.</summary>
/// <param name="EncodingName">The rtpmap encoding name (compared case-insensitively).</param>
/// <param name="ClockRate">RTP clock rate in Hz.</param>
/// <param name="PayloadType">Ours when we offer; when we answer, the offer's number is used instead.</param>
/// <param name="Channels">Audio channels, 1 unless stated.</param>
/// <param name="FormatParameters">The a=fmtp parameters we send for it, if any.</param>
public sealed record AudioCodec(string EncodingName, int ClockRate, int PayloadType, int Channels = 1, string? FormatParameters = null)
{
    public const string TelephoneEventName = "telephone-event";

    public static AudioCodec Pcmu { get; } = new("PCMU", 8000, 0);

    public static AudioCodec Pcma { get; } = new("PCMA", 8000, 8);

    /// <summary>RFC 4733 DTMF events 0-15 (digits, * and #, A-D) on the customary dynamic type 101.</summary>
    public static AudioCodec TelephoneEvent { get; } = new(TelephoneEventName, 8000, 101, 1, "0-15");

    public bool Matches(SdpRtpMap rtpMap) => rtpMap.IsSameCodec(EncodingName, ClockRate, Channels);

    /// <summary>This codec under a given payload type; channels are written only when not the default.</summary>
    public SdpRtpMap ToRtpMap(int payloadType) =>
        new(payloadType, EncodingName, ClockRate, Channels == 1 ? null : Channels);
}
