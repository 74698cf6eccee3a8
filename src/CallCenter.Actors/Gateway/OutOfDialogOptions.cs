using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// The gateway's answer to an out-of-dialog OPTIONS (a phone's or a proxy's keep-alive, or a capability query):
/// 200 with what it allows. The answer depends only on the request, with a To tag derived from it, so the
/// transaction layer sends it as a stateless UAS over UDP (RFC 3261 §8.2.7) and a retransmission simply gets the
/// same answer again: a flood of OPTIONS leaves no transaction (nor timer J) behind.
/// </summary>
internal static class OutOfDialogOptions
{
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO";

    /// <summary>The answer; null for any other request, or one the UAS checks refuse (answered statefully).</summary>
    public static SipResponse? Answer(SipRequest request)
    {
        if (request.Method != SipMethods.Options || request.To is not { Tag: null } || UasRequestChecks.Refusal(request) is not null)
        {
            return null;
        }

        return SipResponse.For(request, 200, toTag: SipTokens.StatelessTag(request))
            .WithHeaders(h => h.Add(SipHeaderNames.Allow, Allowed).Add(SipHeaderNames.Accept, "application/sdp"));
    }
}
