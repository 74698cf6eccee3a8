using CallCenter.Sip.Sdp;

namespace CallCenter.Softphone;

/// <summary>The offer/answer of a call (RFC 3264) on its one RTP port: first INVITE, re-INVITE and UPDATE alike.</summary>
internal sealed partial class Softphone
{
    /// <summary>
    /// Our SDP for the call: the answer to the INVITE's offer, or, for an INVITE without one, an offer of our own
    /// (the ACK then carries the answer, RFC 3264 §4). False with the reason when the offer is unreadable or unusable.
    /// </summary>
    private bool TryDescribeSession(PhoneCall call, ReadOnlyMemory<byte> body, out string problem)
    {
        var local = new LocalAudioOptions { Address = _localAddress, RtpPort = call.Audio.Port };
        problem = "";
        if (body.IsEmpty)
        {
            call.LocalSdp = SdpNegotiator.CreateOffer(local, call.Origin);
            return true;
        }

        if (!SdpParser.TryParse(body.Span, out var offer, out var error))
        {
            problem = $"unreadable SDP ({error})";
            return false;
        }

        call.Origin = call.LocalSdp is null ? call.Origin : call.Origin.NextVersion();
        switch (SdpNegotiator.CreateAnswer(offer, local, call.Origin))
        {
            case AnswerResult.Accepted accepted:
                call.LocalSdp = accepted.Answer;
                call.Audio.Sending = accepted.Audio.LocalDirection.CanSend();
                call.Media = $"{accepted.Audio.Codec.EncodingName}, {accepted.Audio.LocalDirection.ToAttributeName()}, "
                    + $"their RTP {accepted.Audio.RemoteRtp}, ours {_localAddress}:{call.Audio.Port}";
                return true;
            case AnswerResult.Rejected rejected:
                problem = $"no common audio ({rejected.Failure})";
                return false;
            default:
                problem = "no answer";
                return false;
        }
    }
}
