namespace CallCenter.Sip.Dialogs;

/// <summary>
/// Identifies a dialog from our side (RFC 3261 §12): Call-ID, our tag, the peer's tag. Call-IDs and tags are
/// compared byte for byte (§20.8), so the record's ordinal string equality is the right key.
/// </summary>
public readonly record struct DialogId(string CallId, string LocalTag, string RemoteTag)
{
    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
