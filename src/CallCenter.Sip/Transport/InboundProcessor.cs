using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Transport;

/// <summary>
/// The receive path between the socket and the layer above, shared by UDP and TCP: parse, stamp the top Via of
/// requests with the real source, answer what cannot be parsed when a response can be routed, drop the rest.
/// Pure apart from the random To tag of an error answer; never throws on network input.
/// </summary>
internal static class InboundProcessor
{
    public static InboundOutcome Process(ReadOnlySpan<byte> data, SipEndPoint remote, SipEndPoint local, SipParserLimits limits)
    {
        if (!SipParser.TryParse(data, limits, streamFramed: remote.Protocol.IsReliable(), out var message, out var error))
        {
            return Refuse(error, remote);
        }

        switch (message)
        {
            case SipRequest request:
                return new InboundOutcome(InboundAction.Deliver, new ReceivedMessage(ViaSourceStamp.Apply(request, remote.Address), remote, local));
            case SipResponse { TopVia: null }:
                // A response without a Via cannot belong to any transaction of ours (RFC 3261 §18.1.2).
                return new InboundOutcome(InboundAction.Drop, DropReason: "response without Via");
            default:
                return new InboundOutcome(InboundAction.Deliver, new ReceivedMessage(message, remote, local));
        }
    }

    private static InboundOutcome Refuse(SipParseError error, SipEndPoint remote)
    {
        if (error.Code == SipParseErrorCode.KeepAlive)
        {
            return InboundOutcome.KeepAlive;
        }

        if (!error.CanAnswer)
        {
            return new InboundOutcome(InboundAction.Drop, Error: error, DropReason: error.Reason);
        }

        var request = ViaSourceStamp.Apply(error.Request!, remote.Address);
        var reason = error.StatusCode == 400 ? error.Reason : SipStatus.ReasonPhrase(error.StatusCode);
        var answer = SipResponse.For(request, error.StatusCode, reason, Dialogs.SipTokens.NewTag());
        return new InboundOutcome(InboundAction.Answer, Answer: answer, Error: error);
    }
}
