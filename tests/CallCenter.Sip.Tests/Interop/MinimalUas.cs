using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Interop;

/// <summary>
/// A UAS on this stack that answers every INVITE (180, then 200 with an SDP answer), retransmits the 2xx until the ACK,
/// and answers BYE with 200 — what SIPp's built-in "uac" scenario expects of the far end.
/// </summary>
internal sealed class MinimalUas : LoopbackUserAgent
{
    private readonly DialogStore _dialogs = new();
    private readonly Dictionary<DialogId, InviteOkRetransmitter> _awaitingAck = [];
    private readonly Dictionary<DialogId, TransactionKey> _transactions = [];
    private int _completed;

    public int CompletedCalls => Volatile.Read(ref _completed);

    public int OpenDialogs
    {
        get
        {
            lock (Gate)
            {
                return _dialogs.Count;
            }
        }
    }

    protected override string ContactUser => "uas";

    public override void OnRequest(IncomingRequest incoming)
    {
        lock (Gate)
        {
            var request = incoming.Request;
            if (incoming.IsAck)
            {
                Acknowledge(request);
            }
            else if (request.Method == SipMethods.Invite && request.To?.Tag is null)
            {
                Answer(request, incoming.Transaction!);
            }
            else if (request.Method is SipMethods.Options or SipMethods.Register)
            {
                Layer.SendResponse(incoming.Transaction!, SipResponse.For(request, 200));
            }
            else
            {
                InDialog(request, incoming.Transaction!);
            }
        }
    }

    private void Answer(SipRequest invite, TransactionKey transaction)
    {
        if (!SdpParser.TryParse(invite.Body.Span, out var offer, out _)
            || SdpNegotiator.CreateAnswer(offer, Audio(6000 + Random.Shared.Next(500) * 2), Origin()) is not AnswerResult.Accepted accepted)
        {
            Layer.SendResponse(transaction, SipResponse.For(invite, 488, toTag: SipTokens.NewTag()));
            return;
        }

        var tag = SipTokens.NewTag();
        Layer.SendResponse(transaction, DialogResponses.ForInvite(invite, 180, tag, Contact));
        var ok = DialogResponses.ForInvite(invite, 200, tag, Contact)
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(accepted.Answer.ToString()));
        if (!SipDialog.TryCreateAsUas(invite, ok, out var dialog, out var error))
        {
            Problems.Add($"dialog not created: {error}");
            return;
        }

        _dialogs.Put(dialog);
        var retransmitter = new InviteOkRetransmitter(dialog.Id, ok);
        _awaitingAck[dialog.Id] = retransmitter;
        _transactions[dialog.Id] = transaction;
        Layer.SendResponse(transaction, ok);
        Run(retransmitter, transaction, retransmitter.Start());
    }

    private void Acknowledge(SipRequest ack)
    {
        if (DialogStore.TryGetIncomingId(ack, out var id) && _awaitingAck.Remove(id, out var retransmitter))
        {
            Run(retransmitter, _transactions[id], retransmitter.OnAck(ack));
            _transactions.Remove(id);
            _dialogs.Receive(ack);
        }
    }

    private void InDialog(SipRequest request, TransactionKey transaction)
    {
        var outcome = _dialogs.Receive(request);
        if (outcome.Response is { } response)
        {
            Layer.SendResponse(transaction, response);
        }

        if (request.Method == SipMethods.Bye && outcome.IsAccepted && outcome.Dialog is { } dialog)
        {
            _dialogs.Remove(dialog.Id);
            Interlocked.Increment(ref _completed);
        }
    }
}
