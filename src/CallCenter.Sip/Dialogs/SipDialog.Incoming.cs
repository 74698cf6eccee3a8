using System.Globalization;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

public sealed partial record SipDialog
{
    /// <summary>Retry-After for a second INVITE while the first is unanswered: a random 0-10 s (§14.2).</summary>
    private const int MaxRetryAfterSeconds = 10;

    /// <summary>
    /// Checks a request the peer sent inside this dialog (§12.2.2) and returns the dialog after it. Out-of-order
    /// CSeq → 500; an INVITE while ours is pending → 491 (§14.2, glare); an INVITE while the peer's previous one is
    /// unanswered → 500 with Retry-After (§14.2). A target refresh replaces the remote target with its Contact;
    /// BYE ends the dialog and is answered 200 (§15.1.2); INFO is answered 200. Never throws on peer input.
    /// </summary>
    /// <param name="request">A request whose Call-ID and tags name this dialog.</param>
    /// <param name="random">Source for the Retry-After value; <see cref="Random.Shared"/> when null.</param>
    public InDialogOutcome Receive(SipRequest request, Random? random = null)
    {
        if (State == DialogState.Terminated)
        {
            return Rejection(this, request, 481);
        }

        if (request.CSeq is not { } cseq || cseq.Method != request.Method)
        {
            return Rejection(this, request, 400);
        }

        // ACK and CANCEL reuse their INVITE's CSeq; the transaction layer and the 2xx retransmitter match them.
        if (request.Method is SipMethods.Ack or SipMethods.Cancel)
        {
            return InDialogOutcome.Accepted(this);
        }

        if (RemoteSequence is { } last && cseq.Number < last)
        {
            return Rejection(this, request, 500);
        }

        // A request past the order check raises the remote CSeq even if it is refused below: the peer has used it.
        var next = this with { RemoteSequence = cseq.Number };
        return request.Method switch
        {
            SipMethods.Invite when PendingOutgoingInvite is not null => Rejection(next, request, 491),
            SipMethods.Invite when PendingIncomingInvite is not null => RetryLater(next, request, random ?? Random.Shared),
            SipMethods.Invite => InDialogOutcome.Accepted(
                next.RefreshedFrom(request) with { PendingIncomingInvite = cseq.Number }),
            SipMethods.Update => InDialogOutcome.Accepted(next.RefreshedFrom(request)),
            SipMethods.Bye => Terminate(next, request),
            SipMethods.Info => InDialogOutcome.Accepted(next, next.CreateResponse(request, 200)),
            _ => InDialogOutcome.Accepted(next),
        };
    }

    /// <summary>
    /// Records a final response we sent to a request in this dialog: it ends the pending state of the peer's INVITE.
    /// For the dialog-creating INVITE, a 2xx confirms an early dialog and a failure ends it (§12.3).
    /// </summary>
    public SipDialog ApplySentResponse(SipRequest request, SipResponse response)
    {
        if (request.Method != SipMethods.Invite || !response.IsFinal || request.CSeq?.Number != PendingIncomingInvite)
        {
            return this;
        }

        var next = this with { PendingIncomingInvite = null };
        if (State != DialogState.Early)
        {
            return next;
        }

        return next with { State = response.IsSuccess ? DialogState.Confirmed : DialogState.Terminated };
    }

    /// <summary>
    /// A BYE may come on an early dialog from the caller (§15): the dialog still ends here, and the caller of
    /// <see cref="Receive"/> answers the pending INVITE with 487 (§15.1.2).
    /// </summary>
    private static InDialogOutcome Terminate(SipDialog dialog, SipRequest bye)
    {
        var ended = dialog with { State = DialogState.Terminated };
        return InDialogOutcome.Accepted(ended, ended.CreateResponse(bye, 200));
    }

    private static InDialogOutcome Rejection(SipDialog dialog, SipRequest request, int statusCode) =>
        InDialogOutcome.Rejected(dialog, SipResponse.For(request, statusCode));

    private static InDialogOutcome RetryLater(SipDialog dialog, SipRequest request, Random random)
    {
        var seconds = random.Next(0, MaxRetryAfterSeconds + 1).ToString(CultureInfo.InvariantCulture);
        var response = SipResponse.For(request, 500).WithHeaders(h => h.Add(SipHeaderNames.RetryAfter, seconds));
        return InDialogOutcome.Rejected(dialog, response);
    }

    /// <summary>§12.2.2: a target refresh request's Contact, when present and usable, becomes the remote target.</summary>
    private SipDialog RefreshedFrom(SipMessage message) =>
        message.Contacts.Count > 0 && message.Contacts[0].Uri.IsSip ? this with { RemoteTarget = message.Contacts[0].Uri } : this;
}
