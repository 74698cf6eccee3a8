namespace CallCenter.Media.Rtp;

/// <summary>Why a datagram is not a usable RTP packet.</summary>
public enum RtpParseError
{
    None,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count promises more identifiers than the datagram holds.</summary>
    CsrcListTruncated,

    /// <summary>The X bit is set but the extension header or its data runs past the datagram.</summary>
    ExtensionTruncated,

    /// <summary>The P bit is set but the padding count is zero or longer than what follows the header.</summary>
    InvalidPadding,
}
