using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Transport;

internal enum InboundAction
{
    /// <summary>Hand the message to the layer above.</summary>
    Deliver,

    /// <summary>Send <see cref="InboundOutcome.Answer"/> back to the sender; nothing goes up.</summary>
    Answer,

    /// <summary>CRLF keep-alive: nothing to do (RFC 5626).</summary>
    KeepAlive,

    /// <summary>Discard and count.</summary>
    Drop,
}

/// <summary>What the receive path does with one datagram or frame.</summary>
internal readonly record struct InboundOutcome(
    InboundAction Action,
    ReceivedMessage? Message = null,
    SipResponse? Answer = null,
    SipParseError? Error = null,
    string? DropReason = null)
{
    public static readonly InboundOutcome KeepAlive = new(InboundAction.KeepAlive);
}
