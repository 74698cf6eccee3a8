namespace CallCenter.Sip.Dialogs;

/// <summary>Why an INVITE and a response could not form a dialog. Network input yields these, never exceptions.</summary>
public enum DialogError
{
    None,

    /// <summary>Only INVITE creates dialogs here (§12.1); SUBSCRIBE/REFER dialogs are out of scope.</summary>
    NotAnInvite,

    /// <summary>Only 101-299 responses create dialogs (§12.1); 100 and final failures do not.</summary>
    NotDialogCreatingStatus,

    MissingCallId,

    /// <summary>From or To is absent or unreadable (§8.1.1 makes both mandatory).</summary>
    MissingFromOrTo,

    /// <summary>The To tag of the response is absent: a 1xx without it makes no early dialog (§12.1.2).</summary>
    MissingToTag,

    /// <summary>Our own INVITE lacks the From tag every request of ours must carry (§8.1.1.3).</summary>
    MissingFromTag,

    MissingCSeq,

    /// <summary>The remote target is the Contact of the peer's message, mandatory here (§12.1.1, §12.1.2).</summary>
    MissingContact,

    /// <summary>Response and request belong to different transactions (Call-ID, CSeq or From tag differ).</summary>
    ResponseDoesNotMatchRequest,
}
