namespace CallCenter.Sip.Dialogs;

/// <summary>Dialog life cycle (RFC 3261 §12): early after a 1xx with a tag, confirmed after a 2xx.</summary>
public enum DialogState
{
    Early,
    Confirmed,
    Terminated,
}

/// <summary>Which side of the dialog-creating INVITE we were; the UAC owns the Call-ID (matters for glare, §14.1).</summary>
public enum DialogRole
{
    Uac,
    Uas,
}
