namespace CallCenter.Sip.Sdp;

/// <summary>The audio stream both sides agreed on: what the media relay needs for this call leg.</summary>
/// <param name="MediaIndex">Which m= line (0-based) carries the stream.</param>
/// <param name="Codec">The voice codec, under the payload type the peer expects to receive.</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 payload type on this leg, or null when the peer has none.</param>
/// <param name="RemoteRtp">Where the peer receives RTP (media c=, else session c=, and the m= port).</param>
/// <param name="RemoteRtcp">Where the peer receives RTCP: a=rtcp, else the RTP port + 1 (null past port 65535).</param>
/// <param name="RemoteDirection">The peer's direction, with a 0.0.0.0 address counted as "receives nothing".</param>
/// <param name="LocalDirection">What we may do: send only if the peer receives, receive only if it sends.</param>
/// <param name="RemotePtime">The peer's a=ptime, if it gave one.</param>
public sealed record NegotiatedAudio(
    int MediaIndex,
    SdpRtpMap Codec,
    int? TelephoneEventPayloadType,
    RtpEndpoint RemoteRtp,
    RtpEndpoint? RemoteRtcp,
    SdpDirection RemoteDirection,
    SdpDirection LocalDirection,
    int? RemotePtime)
{
    /// <summary>The peer does not want our media: it put the call on hold (sendonly, inactive or c=0.0.0.0).</summary>
    public bool IsOnHold => !RemoteDirection.CanReceive();

    /// <summary>The peer used RFC 2543 hold (c=0.0.0.0), so it has no address to send to at all.</summary>
    public bool IsLegacyHold => RemoteRtp.IsUnspecified;
}
