namespace CallCenter.Sip.Sdp;

/// <summary>One m= section with its i=, c=, b=, k= and a= lines (RFC 4566 §5.14).</summary>
public sealed record MediaDescription
{
    public const string Audio = "audio";
    public const string RtpAvp = "RTP/AVP";

    /// <summary>audio, video, text, application, message, or any other token.</summary>
    public required string Media { get; init; }

    /// <summary>0 means the stream is refused or disabled (RFC 3264 §6, §8.2).</summary>
    public required int Port { get; init; }

    /// <summary>The optional /number-of-ports after the port.</summary>
    public int? PortCount { get; init; }

    /// <summary>Transport protocol such as RTP/AVP or RTP/SAVP.</summary>
    public required string Protocol { get; init; }

    /// <summary>Format list, verbatim; for RTP these are payload type numbers.</summary>
    public ValueList<string> Formats { get; init; }

    public string? Information { get; init; }

    /// <summary>Media-level c= lines; RFC 4566 allows several (layered multicast), unicast peers send one.</summary>
    public ValueList<SdpConnection> Connections { get; init; }

    public ValueList<SdpBandwidth> Bandwidths { get; init; }

    public string? EncryptionKey { get; init; }

    public ValueList<SdpAttribute> Attributes { get; init; }

    public SdpConnection? Connection => Connections.IsEmpty ? null : Connections[0];

    public bool IsRefused => Port == 0;

    public bool IsAudio => string.Equals(Media, Audio, StringComparison.OrdinalIgnoreCase);

    /// <summary>The direction written in this section, if any (the session level may still give one).</summary>
    public SdpDirection? ExplicitDirection => Attributes.Direction();

    public int? Ptime => Attributes.PositiveInteger(SdpAttributeNames.Ptime);

    public int? MaxPtime => Attributes.PositiveInteger(SdpAttributeNames.MaxPtime);

    public SdpRtcp? Rtcp => Attributes.Rtcp();

    public IEnumerable<SdpRtpMap> RtpMaps => Attributes.RtpMaps();

    public SdpFmtp? FindFmtp(string format) => Attributes.Fmtp(format);

    /// <summary>
    /// What an RTP format means: its a=rtpmap, else the RFC 3551 static assignment, else false
    /// (a dynamic payload type without rtpmap, or a non-numeric format).
    /// </summary>
    public bool TryResolveRtpFormat(string format, out SdpRtpMap rtpMap)
    {
        rtpMap = null!;
        if (!SdpNumbers.TryParsePayloadType(format, out var payloadType))
        {
            return false;
        }

        if (Attributes.RtpMap(payloadType) is { } explicitMap)
        {
            rtpMap = explicitMap;
            return true;
        }

        return RtpStaticPayloads.TryGet(payloadType, out rtpMap);
    }

    public override string ToString() => SdpSerializer.SerializeMedia(this);
}
