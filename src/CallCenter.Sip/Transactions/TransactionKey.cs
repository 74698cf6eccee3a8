namespace CallCenter.Sip.Transactions;

/// <summary>Identifies one live transaction; value equality, so it serves as a dictionary key and a timer key.</summary>
public abstract record TransactionKey
{
    private protected TransactionKey()
    {
    }
}

/// <summary>A client transaction: the branch we put in the top Via plus the CSeq method (§17.1.3).</summary>
public sealed record ClientTransactionKey(string Branch, string Method) : TransactionKey
{
    /// <summary>The key of the CANCEL that shares this INVITE's branch (§9.1).</summary>
    public ClientTransactionKey ForCancel() => new(Branch, Messages.SipMethods.Cancel);

    public override string ToString() => $"client:{Branch}/{Method}";
}

/// <summary>
/// A server transaction created by an RFC 3261 request: top Via branch (with the z9hG4bK cookie), sent-by and
/// method, where ACK maps to INVITE and CANCEL keeps its own method (§17.2.3).
/// </summary>
public sealed record ServerTransactionKey(string Branch, string SentBy, string Method) : TransactionKey
{
    public override string ToString() => $"server:{Branch}@{SentBy}/{Method}";
}

/// <summary>
/// A server transaction created by an RFC 2543 request (no cookie in the branch): Request-URI, From tag, Call-ID,
/// CSeq and top Via. The To tag is deliberately not part of the key: an ACK carries the tag of our response, not of
/// the INVITE, so it is checked separately (<see cref="TransactionKeys.LegacyToTagMatches"/>).
/// </summary>
public sealed record LegacyServerTransactionKey(
    string RequestUri,
    string? FromTag,
    string CallId,
    long CSeqNumber,
    string Method,
    string TopVia) : TransactionKey
{
    public override string ToString() => $"legacy:{CallId}/{CSeqNumber} {Method}";
}
