using System.Net;

namespace CallCenter.Sip.Sdp;

/// <summary>What our side of one call leg can do: where we receive RTP and which formats we take.</summary>
public sealed record LocalAudioOptions
{
    /// <summary>The address written in c= and o= (the media relay's address for this leg).</summary>
    public required IPAddress Address { get; init; }

    public required int RtpPort { get; init; }

    /// <summary>Voice codecs in our order of preference.</summary>
    public ValueList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>RFC 4733 events; null to neither offer nor accept them.</summary>
    public AudioCodec? TelephoneEvent { get; init; } = AudioCodec.TelephoneEvent;

    /// <summary>Packet time in milliseconds; 20 ms of G.711 is 160 bytes.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>The flows we want (sendonly to hold the peer); the answer never allows more than the offer.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>Transport protocols we accept; the first is the one we offer. No SRTP support, so plain RTP/AVP.</summary>
    public ValueList<string> Protocols { get; init; } = [MediaDescription.RtpAvp];

    public CodecPreference Preference { get; init; } = CodecPreference.Local;

    public string SessionName { get; init; } = "-";

    /// <summary>True when this transport protocol is one we accept (compared case-insensitively).</summary>
    public bool Accepts(string protocol)
    {
        foreach (var accepted in Protocols)
        {
            if (string.Equals(accepted, protocol, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Whose codec order decides when an offer lists several codecs we support.</summary>
public enum CodecPreference
{
    /// <summary>Our order in <see cref="LocalAudioOptions.Codecs"/>.</summary>
    Local,

    /// <summary>The order of the offer's format list (RFC 3264 §5.1: the offerer lists its preferred first).</summary>
    Offerer,
}
