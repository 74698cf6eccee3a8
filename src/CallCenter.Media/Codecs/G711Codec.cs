namespace CallCenter.Media.Codecs;

/// <summary>The two G.711 companding laws, with their static RTP payload types (RFC 3551 Table 4).</summary>
public enum G711Codec
{
    /// <summary>μ-law, "PCMU", payload type 0 (North America, Japan).</summary>
    MuLaw = 0,

    /// <summary>A-law, "PCMA", payload type 8 (elsewhere).</summary>
    ALaw = 8,
}
