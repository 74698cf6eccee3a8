namespace CallCenter.Sip.Sdp;

/// <summary>A parsed or built SDP session description (RFC 4566); equal when every field and list is equal.</summary>
public sealed record SessionDescription
{
    public required SdpOrigin Origin { get; init; }

    /// <summary>s=; empty is written as "s= ", the form RFC 4566 gives for no name.</summary>
    public string SessionName { get; init; } = "-";

    public string? Information { get; init; }

    public string? Uri { get; init; }

    public ValueList<string> Emails { get; init; }

    public ValueList<string> Phones { get; init; }

    public SdpConnection? Connection { get; init; }

    public ValueList<SdpBandwidth> Bandwidths { get; init; }

    /// <summary>t= lines; a valid description has at least one, and unicast calls use "t=0 0".</summary>
    public ValueList<SdpTiming> Timings { get; init; } = [SdpTiming.Unbounded];

    /// <summary>z= value, verbatim.</summary>
    public string? TimeZones { get; init; }

    public string? EncryptionKey { get; init; }

    public ValueList<SdpAttribute> Attributes { get; init; }

    public ValueList<MediaDescription> Media { get; init; }

    /// <summary>The session-level direction attribute, if any.</summary>
    public SdpDirection? ExplicitDirection => Attributes.Direction();

    /// <summary>Media level, else session level, else sendrecv (RFC 4566 §6).</summary>
    public SdpDirection DirectionOf(MediaDescription media) =>
        media.ExplicitDirection ?? ExplicitDirection ?? SdpDirection.SendRecv;

    /// <summary>The c= that applies to a media section: its own, else the session's.</summary>
    public SdpConnection? ConnectionOf(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The same description with the next o= version, for a changed re-offer or answer.</summary>
    public SessionDescription WithNextVersion() => this with { Origin = Origin.NextVersion() };

    public override string ToString() => SdpSerializer.Serialize(this);

    public byte[] ToUtf8Bytes() => SdpSerializer.SerializeToUtf8(this);
}
