using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

public enum SipParseErrorCode
{
    /// <summary>Only CRLF keep-alives or whitespace: ignore silently (RFC 5626).</summary>
    KeepAlive,
    TooLarge,
    Incomplete,
    BadStartLine,
    BadRequestUri,
    BadVersion,
    BadStatusCode,
    BadHeaderLine,
    TooManyHeaders,
    LineTooLong,
    MissingHeader,
    DuplicateHeader,
    BadHeaderValue,
    BadContentLength,
    BodyTruncated,
    CSeqMethodMismatch,
}

/// <summary>
/// Why a message was refused. <see cref="Request"/> is the request as far as it could be read when its
/// start line and header lines were intact, so the transport can answer it (<see cref="CanAnswer"/>).
/// </summary>
public sealed record SipParseError(SipParseErrorCode Code, string Reason, SipRequest? Request = null)
{
    /// <summary>505 for an unsupported SIP version, 513 for an oversized message, else 400 (RFC 3261 §21.4, §21.5).</summary>
    public int StatusCode => Code switch
    {
        SipParseErrorCode.BadVersion => 505,
        SipParseErrorCode.TooLarge => 513,
        _ => 400,
    };

    /// <summary>A response can be routed back only when the request and its top Via were readable (§18.2.2).</summary>
    public bool CanAnswer => Request is { TopVia: not null } && Request.Method != SipMethods.Ack;

    public override string ToString() => $"{Code}: {Reason}";
}
