using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

public sealed partial record SipDialog
{
    /// <summary>
    /// Our response to a request in this dialog: the copied headers of §8.2.6, our To tag, and our Contact on a
    /// 101-299 to a target refresh. For the dialog-creating INVITE it also copies Record-Route (§12.1.1).
    /// </summary>
    public SipResponse CreateResponse(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        if (request.To?.Tag is null && request.Method == SipMethods.Invite)
        {
            return DialogResponses.ForInvite(request, statusCode, LocalTag, LocalTarget, reasonPhrase);
        }

        var response = SipResponse.For(request, statusCode, reasonPhrase, LocalTag);
        return statusCode is > 100 and < 300 && IsTargetRefresh(request.Method)
            ? response.WithHeaders(h => h.Add(SipHeaderNames.Contact, new NameAddress(LocalTarget).ToString()))
            : response;
    }

    /// <summary>
    /// Applies a response the peer sent to one of our requests (the UAC half of §12.2.1.2, §13.2.2.4, §14.1) and
    /// returns the dialog after it, plus the ACK to send again when the response is a retransmitted 2xx we already
    /// acknowledged. A 2xx to our pending INVITE confirms an early dialog and recomputes its route set, and any 2xx
    /// to a target refresh replaces the remote target. 481 and 408 end the dialog (§12.2.1.2).
    /// </summary>
    public (SipDialog Dialog, OutgoingRequest? AckToResend) ReceiveResponse(SipResponse response)
    {
        if (response.CSeq is not { } cseq || response.IsProvisional)
        {
            return (this, null);
        }

        if (cseq.Method == SipMethods.Invite)
        {
            return ReceiveInviteResponse(response, cseq.Number);
        }

        if (response.StatusCode is 408 or 481 || cseq.Method == SipMethods.Bye)
        {
            return (this with { State = DialogState.Terminated }, null);
        }

        return response.IsSuccess && IsTargetRefresh(cseq.Method) && State != DialogState.Terminated
            ? (RefreshedFrom(response), null)
            : (this, null);
    }

    /// <summary>
    /// A request of ours got no response at all: the client transaction timed out. Like a 408, that ends the dialog
    /// (§12.2.1.2), and a pending INVITE is no longer pending.
    /// </summary>
    public SipDialog RequestTimedOut(long sequence) =>
        this with
        {
            State = DialogState.Terminated,
            PendingOutgoingInvite = PendingOutgoingInvite == sequence ? null : PendingOutgoingInvite,
        };

    private (SipDialog Dialog, OutgoingRequest? AckToResend) ReceiveInviteResponse(SipResponse response, long sequence)
    {
        if (response.IsSuccess && LastAck is { } sent && sent.Sequence == sequence)
        {
            return (this, sent.Ack);
        }

        if (sequence != PendingOutgoingInvite)
        {
            return (this, null);
        }

        var next = this with { PendingOutgoingInvite = null };
        if (response.IsSuccess)
        {
            if (State == DialogState.Early)
            {
                // §13.2.2.4: the 2xx confirms the early dialog and its route set is taken afresh from the 2xx.
                next = next with { State = DialogState.Confirmed, RouteSet = ReversedRecordRoute(response) };
            }

            return (next.RefreshedFrom(response), null);
        }

        // A failed re-INVITE leaves the session as it was (§14.1); a failed initial INVITE ends the early dialog.
        var ends = State == DialogState.Early || response.StatusCode is 408 or 481;
        return (ends ? next with { State = DialogState.Terminated } : next, null);
    }
}
