using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>What the dialog layer made of an incoming request.</summary>
public enum InDialogVerdict
{
    /// <summary>No To tag: not a mid-dialog request; the caller treats it as dialog-creating or out of dialog.</summary>
    NotInDialog,

    /// <summary>Passed the dialog checks; <see cref="InDialogOutcome.Dialog"/> holds the updated dialog.</summary>
    Accepted,

    /// <summary>Refused by the dialog layer; send <see cref="InDialogOutcome.Response"/> (481, 500, 491, 400).</summary>
    Rejected,

    /// <summary>An ACK for no dialog we know: nothing is ever sent in reply to an ACK (§17.2.3).</summary>
    Dropped,
}

/// <summary>
/// The verdict on an incoming request, the dialog after it (null when no dialog matched), and a response to send
/// now when the dialog layer can answer alone: the rejection, or the 200 to BYE and INFO. Null means the
/// application answers (re-INVITE, UPDATE, OPTIONS...), or nothing is sent (ACK, CANCEL).
/// </summary>
public sealed record InDialogOutcome(InDialogVerdict Verdict, SipDialog? Dialog, SipResponse? Response)
{
    public static readonly InDialogOutcome NotInDialog = new(InDialogVerdict.NotInDialog, null, null);

    public static readonly InDialogOutcome Dropped = new(InDialogVerdict.Dropped, null, null);

    public static InDialogOutcome Accepted(SipDialog dialog, SipResponse? response = null) =>
        new(InDialogVerdict.Accepted, dialog, response);

    public static InDialogOutcome Rejected(SipDialog? dialog, SipResponse response) =>
        new(InDialogVerdict.Rejected, dialog, response);

    public bool IsAccepted => Verdict == InDialogVerdict.Accepted;
}
