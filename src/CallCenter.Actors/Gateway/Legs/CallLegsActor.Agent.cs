using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Gateway.Legs;

// The agent legs: we are their UAC. One INVITE per offer; only the current one may reach the relay's agent side.
public sealed partial class CallLegsActor
{
    private void RingAgent(RingAgent ring)
    {
        if (_relay is null || _finished || _customer.Phase is LegPhase.Ending or LegPhase.Ended || _agentLegs.ContainsKey(ring.Leg))
        {
            return;
        }

        if (!AgentContact.TryParse(ring.Contact, out var contact) || !contact.TryGetDestination(out var destination))
        {
            _log.Warning("Call {CallId}: agent {AgentId} has no reachable contact ({Contact})", _callId, ring.AgentId, ring.Contact);
            _calls.Tell(new AgentRejected(_callId, ring.AgentId, ring.Leg, 404), ActorRefs.NoSender);
            return;
        }

        // The relay has one agent side: an older leg still around must let go of it first.
        foreach (var older in _agentLegs.Values.Where(l => !l.IsEnded).ToList())
        {
            older.HangupOrdered = true;
            DropAgentLeg(older.Number);
        }

        var offer = SdpNegotiator.CreateOffer(
            _settings.Audio(_relay.Agent), SdpOrigin.Create(_settings.AdvertisedAddress, BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2));
        var caller = _customer.Invite.Request.From;
        var from = new NameAddress(
            caller?.DisplayName ?? caller?.Uri.User, SipUri.Sip(caller?.Uri.User ?? "anonymous", _settings.Domain), SipParameters.Empty);
        var to = new NameAddress(SipUri.Sip(ring.AgentId.Value, _settings.Domain));
        var invite = InitialInvite.Create(
            from, to, _settings.Contact(destination.Protocol), _settings.SentBy(destination.Protocol), offer.ToString(), requestUri: contact.Uri);
        if (!TransactionKeys.TryForClient(invite.Request, out var key))
        {
            return;
        }

        var leg = new AgentLeg(ring.AgentId, ring.Leg, invite.Request, key, destination, contact.ReachAt is not null) { LocalSdp = offer };
        _agentLegs[ring.Leg] = leg;
        _log.Info("Call {CallId}: ringing agent {AgentId} at {Contact} via {Destination} (leg {Leg})", _callId, ring.AgentId, contact.Uri, destination, ring.Leg);
        Gateway.Tell(new SipOutbound.SendRequest(invite.Request, destination));
    }

    private void AgentInviteResponse(AgentLeg leg, SipResponse response)
    {
        if (response.IsProvisional)
        {
            if (response.StatusCode > 100 && leg.Phase == LegPhase.Inviting && !leg.RingingReported)
            {
                leg.RingingReported = true;
                _calls.Tell(new AgentRinging(_callId, leg.AgentId, leg.Number), ActorRefs.NoSender);
            }

            return;
        }

        if (response.IsSuccess)
        {
            AgentAccepted(leg, response);
            return;
        }

        // A final failure: the transaction has sent its ACK. After our CANCEL it is the expected 487.
        var reportable = leg.Phase == LegPhase.Inviting;
        LegEnded(leg);
        if (reportable)
        {
            _log.Info("Call {CallId}: agent {AgentId} refused with {Status}", _callId, leg.AgentId, response.StatusCode);
            _calls.Tell(new AgentRejected(_callId, leg.AgentId, leg.Number, response.StatusCode), ActorRefs.NoSender);
        }
    }

    private void AgentAccepted(AgentLeg leg, SipResponse ok)
    {
        if (leg.Dialog is { } confirmed)
        {
            // A retransmitted 2xx: our ACK was lost, send it again.
            var (next, ackAgain) = confirmed.ReceiveResponse(ok);
            leg.Dialog = next;
            if (ackAgain is not null)
            {
                Gateway.Tell(new SipOutbound.SendAck(ackAgain.Request, NextHopOf(leg, ackAgain.NextHop)));
            }

            return;
        }

        if (!SipDialog.TryCreateAsUac(leg.Invite, ok, out var dialog, out var error))
        {
            _log.Warning("Call {CallId}: agent {AgentId} answered with an unusable 2xx ({Error})", _callId, leg.AgentId, error);
            AgentGone(leg, 502);
            return;
        }

        var destination = NextHopOf(leg, RequestRouting.For(dialog.RouteSet, dialog.RemoteTarget).NextHop);
        var (acked, ack) = dialog.CreateAck(leg.Invite, _settings.SentBy(destination.Protocol));
        leg.Dialog = acked;
        leg.Ack = new SipOutbound.SendAck(ack.Request, destination);
        Gateway.Tell(leg.Ack);
        if (leg.Phase != LegPhase.Inviting)
        {
            // Answered after we gave up on it (the CANCEL crossed the 200): hang up at once.
            leg.Phase = LegPhase.Up;
            SendBye(leg);
            return;
        }

        var usable = _relay is not null && SdpParser.TryParse(ok.Body.Span, out var answer, out _)
            && SdpNegotiator.ReadAnswer(leg.LocalSdp!, answer) is NegotiationResult.Agreed agreed
            && TryUseMedia(_relay.Agent, agreed.Audio);
        leg.Phase = LegPhase.Up;
        if (!usable)
        {
            _log.Warning("Call {CallId}: agent {AgentId} answered with unusable media", _callId, leg.AgentId);
            SendBye(leg);
            _calls.Tell(new AgentRejected(_callId, leg.AgentId, leg.Number, 488), ActorRefs.NoSender);
            return;
        }

        // A call's steps are Debug; its arrival, ring, media summary and end stay Info. Seven lines a call were 7 % of
        // what the node allocated at 200 calls/s (dotnet-trace, session 7), and three of them said nothing the end does not.
        _log.Debug("Call {CallId}: agent {AgentId} answered (leg {Leg})", _callId, leg.AgentId, leg.Number);
        StartProbing(leg);
        _calls.Tell(new AgentAnswered(_callId, leg.AgentId, leg.Number), ActorRefs.NoSender);
    }

    private void AgentInviteFailed(AgentLeg leg, bool timedOut)
    {
        if (leg.Phase is LegPhase.Inviting or LegPhase.Cancelling)
        {
            var reportable = leg.Phase == LegPhase.Inviting;
            LegEnded(leg);
            if (reportable)
            {
                _calls.Tell(timedOut ? new AgentNoAnswer(_callId, leg.AgentId, leg.Number) : new AgentRejected(_callId, leg.AgentId, leg.Number, 503), ActorRefs.NoSender);
            }
        }
    }

    private void AgentRequest(AgentLeg leg, IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (request.Method == SipMethods.Ack)
        {
            AckReceived(request);
            return;
        }

        if (leg.Dialog is null)
        {
            Respond(incoming, SipResponse.For(request, 481));
            return;
        }

        if (InDialogRequest(leg, incoming) && request.Method == SipMethods.Bye)
        {
            _log.Debug("Call {CallId}: agent {AgentId} hung up (leg {Leg})", _callId, leg.AgentId, leg.Number);
            _oks.StopAll(leg.SipCallId);
            var report = leg.Phase == LegPhase.Up && !leg.HangupOrdered;
            LegEnded(leg);
            if (report)
            {
                _calls.Tell(new AgentHungUp(_callId, leg.AgentId, leg.Number), ActorRefs.NoSender);
            }
        }
    }

    /// <summary>CancelAgentLeg and HangUpAgent alike: CANCEL while it rings, BYE once answered.</summary>
    private void DropAgentLeg(int number)
    {
        if (!_agentLegs.TryGetValue(number, out var leg))
        {
            return;
        }

        leg.HangupOrdered = true;
        switch (leg.Phase)
        {
            case LegPhase.Inviting:
                leg.Phase = LegPhase.Cancelling;
                Gateway.Tell(new SipOutbound.Cancel(leg.Key));
                break;
            case LegPhase.Up:
                _relay?.Unbridge();
                SendBye(leg);
                break;
        }
    }

    private void Bridge(BridgeLegs bridge)
    {
        if (_relay is not null && _agentLegs.TryGetValue(bridge.Leg, out var leg) && leg.Phase == LegPhase.Up && !_finished)
        {
            // An agent answered while the caller still hears ringback (answer delay): answer the caller with the bridge.
            AnswerCustomerNow();
            _relay.Bridge();
            _log.Debug("Call {CallId}: customer and agent {AgentId} bridged", _callId, leg.AgentId);
        }
    }

    /// <summary>The leg cannot go on (no dialog could be made of its answer): report it as refused.</summary>
    private void AgentGone(AgentLeg leg, int status)
    {
        LegEnded(leg);
        _calls.Tell(new AgentRejected(_callId, leg.AgentId, leg.Number, status), ActorRefs.NoSender);
    }

    private Sip.Transport.SipEndPoint NextHopOf(AgentLeg leg, SipUri nextHop) => SipHops.NextHop(nextHop, leg.Source, leg.BehindNat);
}
