using System.Net;
using Akka.Actor;
using Akka.Event;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Relay;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway.Legs;

// What both legs do alike inside a dialog: BYE, re-INVITE, 2xx retransmission until ACK, media set-up.
public sealed partial class CallLegsActor
{
    private const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";

    /// <summary>Answers a request inside a leg's dialog; true when it was accepted (a BYE then ended the dialog).</summary>
    private bool InDialogRequest(SipLeg leg, IncomingRequest incoming)
    {
        var request = incoming.Request;
        var outcome = leg.Dialog!.Receive(request);
        if (outcome.Dialog is { } next)
        {
            leg.Dialog = next;
        }

        if (!outcome.IsAccepted)
        {
            Respond(incoming, outcome.Response ?? SipResponse.For(request, 500));
            return false;
        }

        switch (request.Method)
        {
            case SipMethods.Bye or SipMethods.Info:
                Respond(incoming, outcome.Response ?? leg.Dialog.CreateResponse(request, 200));
                return true;
            case SipMethods.Invite:
                ReInvite(leg, incoming);
                return true;
            case SipMethods.Options:
                // A peer's keep-alive probe of this dialog (RFC 3261 §11): it is alive here.
                Respond(incoming, leg.Dialog.CreateResponse(request, 200).WithHeaders(h => h.Add(SipHeaderNames.Allow, Allowed)));
                return true;
            default:
                Respond(incoming, leg.Dialog.CreateResponse(request, 405).WithHeaders(h => h.Add(SipHeaderNames.Allow, Allowed)));
                return false;
        }
    }

    /// <summary>A re-INVITE (hold, resume, a new address or codec): answered from the same relay ports (RFC 3264 §8).</summary>
    private void ReInvite(SipLeg leg, IncomingRequest incoming)
    {
        var request = incoming.Request;
        var dialog = leg.Dialog!;
        SessionDescription? sdp = leg.LocalSdp;
        NegotiatedAudio? agreed = null;
        if (_relay is null || sdp is null)
        {
            sdp = null;
        }
        else if (!request.Body.IsEmpty)
        {
            // An offer: answer it. Without one, our current description goes back as the offer, unchanged (§8: same version).
            if (SdpParser.TryParse(request.Body.Span, out var offer, out _)
                && SdpNegotiator.CreateAnswer(offer, _settings.Audio(_relay.GetLeg(leg.Media)), sdp.Origin) is AnswerResult.Accepted accepted
                && TryUseMedia(_relay.GetLeg(leg.Media), accepted.Audio))
            {
                agreed = accepted.Audio;
                sdp = SdpVersioning.Revise(sdp, accepted.Answer);
            }
            else
            {
                sdp = null;
            }
        }

        if (sdp is null)
        {
            var refusal = dialog.CreateResponse(request, 488);
            leg.Dialog = dialog.ApplySentResponse(request, refusal);
            Respond(incoming, refusal);
            return;
        }

        var ok = dialog.CreateResponse(request, 200).WithBody(LegMedia.SdpContentType, sdp.ToUtf8Bytes());
        leg.Dialog = dialog.ApplySentResponse(request, ok);
        leg.LocalSdp = sdp;
        _log.Info("Call {CallId}: {Leg} re-INVITE answered", _callId, leg.Media);
        _oks.Send(incoming.Transaction!, leg.Dialog, ok, leg.SipCallId);
        if (agreed is not null)
        {
            RelayHold(leg, agreed);
        }
    }

    private void SendBye(SipLeg leg)
    {
        if (leg.Phase is LegPhase.Ending or LegPhase.Ended)
        {
            return;
        }

        if (leg.Dialog is not { State: not DialogState.Terminated } dialog)
        {
            LegEnded(leg);
            return;
        }

        var destination = SipHops.NextHop(RequestRouting.For(dialog.RouteSet, dialog.RemoteTarget).NextHop, leg.Source, leg.BehindNat);
        var (next, bye) = dialog.CreateBye(_settings.SentBy(destination.Protocol));
        leg.Dialog = next;
        leg.ByeKey = TransactionKeys.TryForClient(bye.Request, out var key) ? key : null;
        leg.Phase = LegPhase.Ending;
        Gateway.Tell(new SipOutbound.SendRequest(bye.Request, destination));
    }

    /// <summary>The ACK of a repeated 2xx arrived; the first 2xx to the customer then brings its leg up.</summary>
    private void AckReceived(SipRequest ack) => OkEnded(_oks.OnAck(ack));

    private void OkEnded((OkRetransmissions.Outcome Outcome, object Tag)? ended)
    {
        if (ended is { Tag: CustomerLeg } initial)
        {
            CustomerAcknowledged(initial.Outcome == OkRetransmissions.Outcome.Acknowledged);
        }
    }

    /// <summary>Points a relay leg at what the peer negotiated; false when the relay cannot use it (address family, closed).</summary>
    private bool TryUseMedia(IMediaLeg leg, NegotiatedAudio audio)
    {
        try
        {
            LegMedia.Apply(leg, audio);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
        {
            _log.Warning("Call {CallId}: {Leg} media unusable: {Reason}", _callId, leg.Id, e.Message);
            return false;
        }
    }

    /// <summary>The relay's reports as messages to the legs actor (called on the relay's threads).</summary>
    private sealed class RelayEvents(IActorRef legs) : IMediaEvents
    {
        public void OnFirstPacket(MediaLegId leg, IPEndPoint source)
        {
        }

        public void OnSourceChanged(MediaLegId leg, IPEndPoint source)
        {
        }

        public void OnDtmf(MediaLegId leg, DtmfDigitEvent digit)
        {
        }

        public void OnMediaTimeout(MediaLegId leg, TimeSpan silentFor) => legs.Tell(new MediaTimedOut(leg, silentFor), ActorRefs.NoSender);
    }
}
