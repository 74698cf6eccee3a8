using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;

namespace CallCenter.Softphone;

/// <summary>Taking calls: answer (after ringing, if asked), deliver the 2xx until its ACK, hang up, CANCEL.</summary>
internal sealed partial class Softphone
{
    private const string AnswerTimer = "answer";
    private const string HangupTimer = "hangup";

    private readonly DialogStore _dialogs = new();
    private readonly Dictionary<DialogId, PhoneCall> _calls = [];
    private readonly Dictionary<TransactionKey, PhoneCall> _ringing = [];
    private readonly Dictionary<ClientTransactionKey, PhoneCall> _byes = [];
    private readonly HashSet<PhoneCall> _active = [];
    private readonly List<Task> _audioStopping = [];
    private int _callNumber;
    private bool _closing;

    public void OnCancelled(TransactionKey invite, SipRequest cancel)
    {
        lock (_gate)
        {
            // The layer has already answered 200 to the CANCEL and 487 to the INVITE.
            if (_ringing.TryGetValue(invite, out var call))
            {
                EndCall(call, $"call {call.Number} from {call.Caller} cancelled by the caller");
            }
        }
    }

    /// <summary>Hangs up every call (BYE, or 480 to one still ringing) and takes no new ones: the softphone is stopping.</summary>
    public void HangUpAll()
    {
        lock (_gate)
        {
            _closing = true;
            foreach (var call in _active.ToList())
            {
                if (_ringing.ContainsKey(call.InviteTransaction))
                {
                    _layer.SendResponse(call.InviteTransaction, DialogResponses.ForInvite(call.Invite, 480, call.LocalTag, _contact));
                    EndCall(call, $"call {call.Number} from {call.Caller} refused: the softphone is stopping");
                }
                else
                {
                    HangUp(call, "because the softphone is stopping");
                }
            }
        }
    }

    private void OnInvite(SipRequest invite, TransactionKey transaction)
    {
        var caller = invite.From?.Uri.ToString() ?? "(unknown)";
        if (_closing)
        {
            _layer.SendResponse(transaction, SipResponse.For(invite, 480, toTag: SipTokens.NewTag()));
            EventLog.Event($"declined a call from {caller}: the softphone is stopping (480)");
            return;
        }

        if (_active.Count >= _options.Lines)
        {
            _layer.SendResponse(transaction, SipResponse.For(invite, 486, toTag: SipTokens.NewTag()));
            EventLog.Event($"declined a call from {caller}: busy, {_active.Count} of {_options.Lines} line(s) in use (486)");
            return;
        }

        var origin = SdpOrigin.Create(_localAddress, (ulong)Random.Shared.NextInt64(1, long.MaxValue));
        var audio = RtpEcho.Start(_localAddress);
        var call = new PhoneCall(++_callNumber, invite, transaction, SipTokens.NewTag(), audio, origin, _gate);
        EventLog.Event($"incoming call {call.Number} from {caller}");
        if (!TryDescribeSession(call, invite.Body, out var problem))
        {
            _layer.SendResponse(transaction, SipResponse.For(invite, 488, toTag: call.LocalTag));
            EventLog.Event($"declined call {call.Number}: {problem} (488)");
            StopAudio(call);
            return;
        }

        _active.Add(call);
        _ringing[transaction] = call;
        if (_options.AnswerAfter is not { } ring || ring <= TimeSpan.Zero)
        {
            Answer(call);
            return;
        }

        var ringing = DialogResponses.ForInvite(invite, 180, call.LocalTag, _contact);
        if (SipDialog.TryCreateAsUas(invite, ringing, out var early, out _))
        {
            _dialogs.Put(early);
            _calls[early.Id] = call;
            call.DialogId = early.Id;
        }

        _layer.SendResponse(transaction, ringing);
        EventLog.Event($"ringing call {call.Number}, answering in {ring.TotalSeconds:0} s");
        call.Timers.Start(AnswerTimer, ring, () => Answer(call));
    }

    private void Answer(PhoneCall call)
    {
        var invite = call.Invite;
        var ok = WithCapabilities(DialogResponses.ForInvite(invite, 200, call.LocalTag, _contact))
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(call.LocalSdp!.ToString()));
        SipDialog? dialog;
        if (call.DialogId is { } id && _dialogs.TryGet(id, out var early))
        {
            dialog = early.ApplySentResponse(invite, ok);
        }
        else if (!SipDialog.TryCreateAsUas(invite, ok, out dialog, out var error))
        {
            _layer.SendResponse(call.InviteTransaction, SipResponse.For(invite, 400, $"Bad Request ({error})", call.LocalTag));
            EndCall(call, $"call {call.Number} refused: the INVITE cannot start a dialog ({error})");
            return;
        }

        _ringing.Remove(call.InviteTransaction);
        if (!_layer.SendResponse(call.InviteTransaction, ok))
        {
            EndCall(call, $"call {call.Number} from {call.Caller} was gone before the answer");
            return;
        }

        _dialogs.Put(dialog);
        _calls[dialog.Id] = call;
        call.DialogId = dialog.Id;
        call.AnsweredAt = DateTimeOffset.UtcNow;
        EventLog.Event($"answered call {call.Number} from {call.Caller}: {call.Media}");
        AwaitAck(call, new InviteOkRetransmitter(dialog.Id, ok), call.InviteTransaction);
    }

    private void AwaitAck(PhoneCall call, InviteOkRetransmitter retransmitter, TransactionKey transaction)
    {
        call.AwaitingAck = (retransmitter, transaction);
        Run(call, retransmitter.Start());
    }

    private void OnAck(SipRequest ack)
    {
        if (!DialogStore.TryGetIncomingId(ack, out var id) || !_calls.TryGetValue(id, out var call)
            || call.AwaitingAck is not var (retransmitter, _) || !retransmitter.Matches(ack))
        {
            return;
        }

        Run(call, retransmitter.OnAck(ack));
        call.AwaitingAck = null;
        _dialogs.Receive(ack);
        if (call.Established)
        {
            return;
        }

        call.Established = true;
        if (_options.HangupAfter is { } talk)
        {
            call.Timers.Start(HangupTimer, talk, () => HangUp(call, $"after {talk.TotalSeconds:0} s"));
        }
    }

    /// <summary>Carries out what the 2xx retransmitter asks: resend through the INVITE transaction, timers, give up.</summary>
    private void Run(PhoneCall call, IReadOnlyList<OkRetransmitAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case OkRetransmitAction.SendResponse send when call.AwaitingAck is var (_, transaction):
                    _layer.SendResponse(transaction, send.Response);
                    break;
                case OkRetransmitAction.StartTimer start when call.AwaitingAck is var (retransmitter, _):
                    call.Timers.Start(start.Timer.ToString(), start.Delay, () => Run(call, retransmitter.OnTimer(start.Timer)));
                    break;
                case OkRetransmitAction.StopTimer stop:
                    call.Timers.Stop(stop.Timer.ToString());
                    break;
                case OkRetransmitAction.AckTimedOut:
                    call.AwaitingAck = null;
                    HangUp(call, "because no ACK came for our 200 OK");
                    break;
            }
        }
    }

    private void HangUp(PhoneCall call, string why)
    {
        if (call.Ended || call.DialogId is not { } id || !_dialogs.TryGet(id, out var dialog) || dialog.State == DialogState.Terminated)
        {
            return;
        }

        var (ended, bye) = dialog.CreateBye(_sentBy);
        _dialogs.Put(ended);
        _byes[_layer.SendRequest(bye.Request, _server)] = call;
        EndCall(call, $"hung up call {call.Number} {why}: {call.Counts}");
    }

    /// <summary>Ends the call's life here: timers, audio, tables. Its dialog stays until a BYE has left or arrived.</summary>
    private void EndCall(PhoneCall call, string line)
    {
        if (call.Ended)
        {
            return;
        }

        call.End();
        _active.Remove(call);
        _ringing.Remove(call.InviteTransaction);
        if (call.DialogId is { } id)
        {
            _calls.Remove(id);
            if (_dialogs.TryGet(id, out var dialog) && dialog.State != DialogState.Confirmed)
            {
                _dialogs.Remove(id);
            }
        }

        EventLog.Event(line);
        StopAudio(call);
    }

    private void StopAudio(PhoneCall call) => _audioStopping.Add(call.Audio.DisposeAsync().AsTask());
}
