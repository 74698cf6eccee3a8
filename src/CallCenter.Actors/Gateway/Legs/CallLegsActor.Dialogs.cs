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
    private const string SdpContentType = "application/sdp";
    private const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";

    private readonly Dictionary<string, PendingOk> _oks = new(StringComparer.Ordinal);

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
        if (_relay is null || sdp is null)
        {
            sdp = null;
        }
        else if (!request.Body.IsEmpty)
        {
            // An offer: answer it. Without one, our current description goes back as the offer, unchanged (§8: same version).
            sdp = SdpParser.TryParse(request.Body.Span, out var offer, out _)
                && SdpNegotiator.CreateAnswer(offer, _settings.Audio(_relay.GetLeg(leg.Media)), sdp.Origin) is AnswerResult.Accepted accepted
                && TryUseMedia(_relay.GetLeg(leg.Media), accepted.Audio)
                    ? SdpVersioning.Revise(sdp, accepted.Answer)
                    : null;
        }

        if (sdp is null)
        {
            var refusal = dialog.CreateResponse(request, 488);
            leg.Dialog = dialog.ApplySentResponse(request, refusal);
            Respond(incoming, refusal);
            return;
        }

        var ok = dialog.CreateResponse(request, 200).WithBody(SdpContentType, sdp.ToUtf8Bytes());
        leg.Dialog = dialog.ApplySentResponse(request, ok);
        leg.LocalSdp = sdp;
        _log.Info("Call {CallId}: {Leg} re-INVITE answered", _callId, leg.Media);
        SendOk(incoming.Transaction!, leg.Dialog, ok, initial: false);
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

    /// <summary>Sends a 2xx to an INVITE and repeats it until its ACK (RFC 3261 §13.3.1.4; the transaction does not).</summary>
    private void SendOk(TransactionKey transaction, SipDialog dialog, SipResponse ok, bool initial)
    {
        var machine = new InviteOkRetransmitter(dialog.Id, ok, _settings.Timers.T1, _settings.Timers.T2);
        var id = $"{dialog.CallId}/{machine.Sequence}";
        _oks[id] = new PendingOk(machine, transaction, initial);

        // The timers first: whoever sees the 2xx may already count on its retransmission being armed.
        Perform(id, machine.Start());
        Gateway.Tell(new SipOutbound.Respond(transaction, ok));
    }

    private void OnOkTimer(OkTimerDue due)
    {
        if (_oks.TryGetValue(due.Id, out var pending))
        {
            Perform(due.Id, pending.Machine.OnTimer(due.Timer));
        }
    }

    private void AckReceived(SipRequest ack)
    {
        foreach (var (id, pending) in _oks)
        {
            if (pending.Machine.Matches(ack))
            {
                Perform(id, pending.Machine.OnAck(ack));
                return;
            }
        }
    }

    /// <summary>The dialog ended (BYE) before its 2xx was acknowledged: nothing more to repeat.</summary>
    private void StopOkRetransmissions(string sipCallId)
    {
        foreach (var id in _oks.Keys.Where(k => k.StartsWith(sipCallId + "/", StringComparison.Ordinal)).ToList())
        {
            _oks.Remove(id);
            Timers.Cancel(new OkTimerDue(id, OkRetransmitTimer.Retransmit));
            Timers.Cancel(new OkTimerDue(id, OkRetransmitTimer.GiveUp));
        }
    }

    private void Perform(string id, IReadOnlyList<OkRetransmitAction> actions)
    {
        var pending = _oks[id];
        foreach (var action in actions)
        {
            switch (action)
            {
                case OkRetransmitAction.SendResponse send:
                    Gateway.Tell(new SipOutbound.Respond(pending.Transaction, send.Response));
                    break;
                case OkRetransmitAction.StartTimer start:
                    var due = new OkTimerDue(id, start.Timer);
                    Timers.StartSingleTimer(due, due, start.Delay);
                    break;
                case OkRetransmitAction.StopTimer stop:
                    Timers.Cancel(new OkTimerDue(id, stop.Timer));
                    break;
                case OkRetransmitAction.Acknowledged or OkRetransmitAction.AckTimedOut:
                    _oks.Remove(id);
                    if (pending.Initial)
                    {
                        CustomerAcknowledged(action is OkRetransmitAction.Acknowledged);
                    }

                    break;
            }
        }
    }

    /// <summary>Points a relay leg at what the peer negotiated; false when the relay cannot use it (address family, disposed).</summary>
    private bool TryUseMedia(IMediaLeg leg, NegotiatedAudio audio)
    {
        var codec = audio.Codec;
        var formats = new List<PayloadFormat> { new((byte)codec.PayloadType, codec.EncodingName, codec.ClockRate, codec.ChannelCount) };
        if (audio.TelephoneEventPayloadType is { } events)
        {
            formats.Add(PayloadFormat.TelephoneEvent((byte)events));
        }

        try
        {
            leg.SetFormats(formats);
            if (!audio.IsLegacyHold && audio.RemoteRtp.TryGetIPEndPoint(out var rtp))
            {
                IPEndPoint? rtcp = audio.RemoteRtcp is { } remoteRtcp && remoteRtcp.TryGetIPEndPoint(out var address) ? address : null;
                leg.SetRemote(rtp, rtcp);
            }

            // A phone that holds the call sends nothing; that silence is no media failure.
            leg.TimeoutPaused = !audio.RemoteDirection.CanSend();
            return true;
        }
        catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
        {
            _log.Warning("Call {CallId}: {Leg} media unusable: {Reason}", _callId, leg.Id, e.Message);
            return false;
        }
    }

    private static bool IsSdp(string? contentType) =>
        contentType is not null && contentType.AsSpan().Trim().StartsWith(SdpContentType, StringComparison.OrdinalIgnoreCase);

    private sealed record PendingOk(InviteOkRetransmitter Machine, TransactionKey Transaction, bool Initial);

    /// <summary>A 2xx retransmission timer of one pending 2xx (also its timer key).</summary>
    private sealed record OkTimerDue(string Id, OkRetransmitTimer Timer) : INotInfluenceReceiveTimeout;

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
