namespace CallCenter.Sip.Sdp;

/// <summary>Why no audio stream could be agreed. A refused offer is answered 488 Not Acceptable Here.</summary>
public sealed record NegotiationFailure(NegotiationFailureReason Reason, string Detail);

/// <summary>The cause of a <see cref="NegotiationFailure"/>.</summary>
public enum NegotiationFailureReason
{
    /// <summary>No m=audio line with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>Audio offered, but none of its formats is one of ours.</summary>
    NoCommonCodec,

    /// <summary>Audio offered over a transport we do not speak (RTP/SAVP, UDP/TLS/RTP/SAVPF, ...).</summary>
    UnsupportedProtocol,

    /// <summary>Multicast, or no c= for the stream.</summary>
    UnsupportedConnection,

    /// <summary>An answer whose m= lines do not pair with the offer's (RFC 3264 §6 requires one per offered line).</summary>
    StreamMismatch,

    /// <summary>The peer answered our audio stream with port 0.</summary>
    StreamRefused,
}
