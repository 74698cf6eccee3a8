using CallCenter.Media.Relay;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>
/// A caller's INVITE without SDP (delayed offer, RFC 3261 §13.2.1, RFC 3264): the center makes the offer in its 200 (the
/// relay's customer side: PCMU, PCMA, telephone-event) and the caller must answer it in the ACK.
/// </summary>
internal static class CustomerOffer
{
    public static SessionDescription Create(CallLegSettings settings, IMediaLeg customerSide, ulong sessionId) =>
        SdpNegotiator.CreateOffer(settings.Audio(customerSide), SdpOrigin.Create(settings.AdvertisedAddress, sessionId));

    /// <summary>The audio agreed by the answer in <paramref name="ack"/>, or null with what is wrong with it.</summary>
    public static NegotiatedAudio? ReadAnswer(SessionDescription offer, SipRequest ack, out string problem)
    {
        if (ack.Body.IsEmpty || !LegMedia.IsSdp(ack.ContentType))
        {
            problem = "the ACK carries no SDP answer to our offer";
            return null;
        }

        if (!SdpParser.TryParse(ack.Body.Span, out var answer, out var error))
        {
            problem = $"the SDP answer in the ACK does not parse: {error}";
            return null;
        }

        switch (SdpNegotiator.ReadAnswer(offer, answer))
        {
            case NegotiationResult.Agreed agreed:
                problem = "";
                return agreed.Audio;
            case NegotiationResult.Failed failed:
                problem = $"the SDP answer in the ACK leaves no usable audio: {failed.Failure.Detail}";
                return null;
            default:
                problem = "the SDP answer in the ACK is not usable";
                return null;
        }
    }
}
