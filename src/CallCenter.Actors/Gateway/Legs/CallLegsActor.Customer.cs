using Akka.Actor;
using Akka.Event;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Media.Relay;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Gateway.Legs;

// The customer's leg: we are its UAS. Offer checked at once, answered when the CallActor says so.
public sealed partial class CallLegsActor
{
    private void StartCustomerLeg()
    {
        var invite = _customer.Invite.Request;
        SessionDescription? offer = null;
        if (!invite.Body.IsEmpty && !LegMedia.IsSdp(invite.ContentType))
        {
            RejectCustomer(488, $"the INVITE carries {invite.ContentType ?? "an untyped body"}, not an SDP offer");
            return;
        }

        // An empty body is a delayed offer (§13.2.1): ours goes in the 200, the caller's answer comes in the ACK.
        if (!invite.Body.IsEmpty && !TryReadCustomerOffer(invite, out offer))
        {
            return;
        }

        try
        {
            _relay = _settings.Media.Open(new RelayEvents(Self));
        }
        catch (MediaPortsExhaustedException e)
        {
            RejectCustomer(503, e.Message);
            return;
        }

        SessionDescription local;
        if (offer is null)
        {
            local = CustomerOffer.Create(_settings, _relay.Customer, _sessionId);
            _customer.AwaitsAnswerInAck = true;
        }
        else if (SdpNegotiator.CreateAnswer(offer, _settings.Audio(_relay.Customer), SdpOrigin.Create(_settings.AdvertisedAddress, _sessionId))
            is AnswerResult.Accepted accepted && TryUseMedia(_relay.Customer, accepted.Audio))
        {
            local = accepted.Answer;
        }
        else
        {
            RejectCustomer(488, "no common codec or no usable address in the offer");
            return;
        }

        var ok = DialogResponses.ForInvite(invite, 200, SipTokens.NewTag(), _settings.Contact(_customer.Source.Protocol))
            .WithBody(LegMedia.SdpContentType, local.ToUtf8Bytes());
        if (!SipDialog.TryCreateAsUas(invite, ok, out var dialog, out var dialogError))
        {
            RejectCustomer(400, $"the INVITE cannot start a dialog: {dialogError}");
            return;
        }

        _customer.Ok = ok;
        _customer.Dialog = dialog;
        _customer.LocalSdp = local;
        var from = invite.From is { } caller ? (caller with { Parameters = caller.Parameters.Without("tag") }).ToString() : "anonymous";
        _calls.Tell(new CallCommands.Receive(_callId, from, _queueId), ActorRefs.NoSender);
    }

    /// <summary>Junk offers must not cost a relay: the offer is parsed and negotiated once on paper before any port is bound.</summary>
    private bool TryReadCustomerOffer(SipRequest invite, out SessionDescription offer)
    {
        if (!SdpParser.TryParse(invite.Body.Span, out offer, out var error))
        {
            RejectCustomer(488, $"the SDP offer does not parse: {error}");
            return false;
        }

        var paper = new LocalAudioOptions { Address = _settings.AdvertisedAddress, RtpPort = 9 };
        if (SdpNegotiator.CreateAnswer(offer, paper, SdpOrigin.Create(_settings.AdvertisedAddress, _sessionId)) is AnswerResult.Rejected rejected)
        {
            RejectCustomer(488, $"no usable audio in the offer: {rejected.Failure.Detail}");
            return false;
        }

        return true;
    }

    /// <summary>The ACK for our first 200 arrived (or never will): the customer's leg is up, or must go.</summary>
    private void CustomerAcknowledged(bool acked)
    {
        if (_customer.Phase != LegPhase.Answered)
        {
            return;
        }

        _customer.Phase = LegPhase.Up;
        if (acked && !_customer.ByeWanted && !TakeAnswerFromAck())
        {
            return;
        }

        if (acked && !_customer.ByeWanted)
        {
            StartProbing(_customer);
            _calls.Tell(new CustomerAnswered(_callId), ActorRefs.NoSender);
            return;
        }

        if (!acked)
        {
            _log.Warning("Call {CallId}: the customer never acknowledged our 200 OK; hanging up", _callId);
            if (!_customer.ByeWanted)
            {
                _calls.Tell(new CustomerHungUp(_callId), ActorRefs.NoSender);
            }
        }

        SendBye(_customer);
    }

    private void CustomerCancelled()
    {
        if (_customer.Phase != LegPhase.Inviting)
        {
            return;
        }

        // The transaction layer has answered 200 to the CANCEL and 487 to the INVITE.
        _log.Info("Call {CallId}: the customer cancelled", _callId);
        Timers.Cancel(AnswerTimer);
        LegEnded(_customer);
        if (!_customer.HangupOrdered)
        {
            _calls.Tell(new CustomerHungUp(_callId), ActorRefs.NoSender);
        }
    }

    private void CustomerRequest(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (request.Method == SipMethods.Ack)
        {
            _customer.LastAck = request;
            AckReceived(request);
            return;
        }

        if (request.To?.Tag is null)
        {
            // The same Call-ID in a new INVITE (a retransmission with another branch, or a loop).
            Respond(incoming, SipResponse.For(request, 482));
            return;
        }

        if (_customer.Dialog is null || request.To.Tag != _customer.Dialog.LocalTag)
        {
            Respond(incoming, SipResponse.For(request, 481));
            return;
        }

        if (InDialogRequest(_customer, incoming) && request.Method == SipMethods.Bye)
        {
            _log.Info("Call {CallId}: the customer hung up", _callId);
            _oks.StopAll(_customer.SipCallId);
            var report = !_customer.HangupOrdered;
            LegEnded(_customer);
            if (report)
            {
                _calls.Tell(new CustomerHungUp(_callId), ActorRefs.NoSender);
            }
        }
    }

    private void HangUpCustomer(CallDisposition disposition)
    {
        _customer.HangupOrdered = true;
        switch (_customer.Phase)
        {
            case LegPhase.Inviting:
                RejectCustomer(FinalStatusFor(disposition), $"the call ended ({disposition})");
                break;
            case LegPhase.Answered:
                // §15: no BYE before the ACK of our 2xx (or its timeout).
                _customer.ByeWanted = true;
                break;
            case LegPhase.Up:
                SendBye(_customer);
                break;
        }
    }

    private void HoldAudio(bool play)
    {
        if (_relay is null || _finished)
        {
            return;
        }

        if (!play)
        {
            _relay.StopPlayback(MediaLegId.Customer);
            return;
        }

        if (_customer.Phase == LegPhase.Up && !_relay.IsBridged)
        {
            try
            {
                _relay.StartPlayback(MediaLegId.Customer, _settings.HoldAudio());
            }
            catch (InvalidOperationException e)
            {
                _log.Warning("Call {CallId}: no hold audio: {Reason}", _callId, e.Message);
            }
        }
    }

    private void RejectCustomer(int status, string reason)
    {
        _log.Info("Call {CallId}: customer's INVITE answered {Status}: {Reason}", _callId, status, reason);
        Timers.Cancel(AnswerTimer);

        // After a 180 the final response keeps its tag: one early dialog, ended (§12.1.1).
        var tag = _customer.Ok?.To?.Tag ?? SipTokens.NewTag();
        Gateway.Tell(new SipOutbound.Respond(_customer.Transaction, SipResponse.For(_customer.Invite.Request, status, toTag: tag)));
        LegEnded(_customer);
    }

    /// <summary>The final response for a caller the center never answered.</summary>
    internal static int FinalStatusFor(CallDisposition disposition) => disposition switch
    {
        CallDisposition.Rejected => 486,
        CallDisposition.Timeout => 480,
        CallDisposition.Abandoned or CallDisposition.Completed => 487,
        _ => 503,
    };

    private void Respond(IncomingRequest incoming, SipResponse response)
    {
        if (incoming.Transaction is { } transaction)
        {
            Gateway.Tell(new SipOutbound.Respond(transaction, response));
        }
    }
}
