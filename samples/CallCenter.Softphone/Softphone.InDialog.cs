using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Softphone;

/// <summary>Requests inside a call: BYE, re-INVITE (hold, resume, new media), UPDATE, OPTIONS, INFO.</summary>
internal sealed partial class Softphone
{
    private void InDialog(SipRequest request, TransactionKey transaction)
    {
        var outcome = _dialogs.Receive(request);
        if (!outcome.IsAccepted || outcome.Dialog is not { } dialog)
        {
            // 481 for an unknown dialog, 491 / 500 for crossing or out-of-order requests: the dialog layer decided.
            if (outcome.Response is { } refusal)
            {
                _layer.SendResponse(transaction, refusal);
            }

            return;
        }

        var call = _calls.GetValueOrDefault(dialog.Id);
        switch (request.Method)
        {
            case SipMethods.Bye:
                _layer.SendResponse(transaction, outcome.Response!);
                RemoteHangUp(call);
                break;
            case SipMethods.Invite when call is not null:
                ReInvite(call, dialog, request, transaction);
                break;
            case SipMethods.Update when call is not null && !request.Body.IsEmpty:
                Renegotiate(call, dialog, request, transaction);
                break;
            case SipMethods.Invite:
                Answer(dialog, request, transaction, 481);
                break;
            case SipMethods.Options or SipMethods.Update:
                _layer.SendResponse(transaction, WithCapabilities(dialog.CreateResponse(request, 200)));
                break;
            default:
                _layer.SendResponse(transaction, outcome.Response ?? WithCapabilities(dialog.CreateResponse(request, 405)));
                break;
        }
    }

    private void RemoteHangUp(PhoneCall? call)
    {
        if (call is null)
        {
            return;
        }

        if (_ringing.ContainsKey(call.InviteTransaction))
        {
            // A BYE on the early dialog ends it; the INVITE still needs its final answer (§15.1.2).
            _layer.SendResponse(call.InviteTransaction, DialogResponses.ForInvite(call.Invite, 487, call.LocalTag, _contact));
        }

        var talked = call.AnsweredAt is { } at ? $" after {(DateTimeOffset.UtcNow - at).TotalSeconds:0.0} s" : "";
        EndCall(call, $"call {call.Number} ended by the other side{talked}: {call.Counts}");
    }

    /// <summary>
    /// A re-INVITE: answer its offer on the same RTP port (hold and resume flip whether we echo), or, when it has none,
    /// offer our current description; either way the 2xx is delivered until its ACK like the first one.
    /// </summary>
    private void ReInvite(PhoneCall call, SipDialog dialog, SipRequest reInvite, TransactionKey transaction)
    {
        if (!reInvite.Body.IsEmpty && !TryDescribeSession(call, reInvite.Body, out var problem))
        {
            EventLog.Event($"refused a re-INVITE on call {call.Number}: {problem} (488)");
            Answer(dialog, reInvite, transaction, 488);
            return;
        }

        var ok = WithCapabilities(dialog.CreateResponse(reInvite, 200))
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(call.LocalSdp!.ToString()));
        Answer(dialog, reInvite, transaction, ok);
        EventLog.Event($"re-INVITE on call {call.Number}: {call.Media}");
        AwaitAck(call, new InviteOkRetransmitter(dialog.Id, ok), transaction);
    }

    /// <summary>An UPDATE with an offer (RFC 3311): answered in its 200, no ACK involved.</summary>
    private void Renegotiate(PhoneCall call, SipDialog dialog, SipRequest update, TransactionKey transaction)
    {
        if (!TryDescribeSession(call, update.Body, out var problem))
        {
            EventLog.Event($"refused an UPDATE on call {call.Number}: {problem} (488)");
            Answer(dialog, update, transaction, 488);
            return;
        }

        Answer(dialog, update, transaction, WithCapabilities(dialog.CreateResponse(update, 200))
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(call.LocalSdp!.ToString())));
        EventLog.Event($"UPDATE on call {call.Number}: {call.Media}");
    }

    private void Answer(SipDialog dialog, SipRequest request, TransactionKey transaction, int statusCode) =>
        Answer(dialog, request, transaction, dialog.CreateResponse(request, statusCode));

    /// <summary>Sends a final response in the dialog and records it, so the next re-INVITE is not taken for a second one.</summary>
    private void Answer(SipDialog dialog, SipRequest request, TransactionKey transaction, SipResponse response)
    {
        _dialogs.Put(dialog.ApplySentResponse(request, response));
        _layer.SendResponse(transaction, response);
    }
}
