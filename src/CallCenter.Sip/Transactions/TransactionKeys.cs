using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>Derives transaction keys from messages (§17.1.3, §17.2.3). Never throws on malformed input.</summary>
public static class TransactionKeys
{
    /// <summary>
    /// The key of the server transaction a received request belongs to (or would create). ACK maps to its INVITE.
    /// False when the request lacks the headers matching needs.
    /// </summary>
    public static bool TryForServer(SipRequest request, out TransactionKey key) =>
        TryForServer(request, ServerMethodOf(request.Method), out key);

    /// <summary>The key of the INVITE server transaction a CANCEL targets (same branch and sent-by, method INVITE).</summary>
    public static bool TryForCancelTarget(SipRequest cancel, out TransactionKey key) =>
        TryForServer(cancel, SipMethods.Invite, out key);

    /// <summary>The key of the client transaction a received response belongs to: top Via branch + CSeq method.</summary>
    public static bool TryForResponse(SipResponse response, out ClientTransactionKey key)
    {
        key = null!;
        if (response.TopVia?.Branch is not { Length: > 0 } branch || response.CSeq is not { } cseq)
        {
            return false;
        }

        key = new ClientTransactionKey(branch, cseq.Method);
        return true;
    }

    /// <summary>The key of the client transaction for a request we send; it must carry an RFC 3261 branch.</summary>
    public static bool TryForClient(SipRequest request, out ClientTransactionKey key)
    {
        key = null!;
        if (request.TopVia is not { HasRfc3261Branch: true } via)
        {
            return false;
        }

        key = new ClientTransactionKey(via.Branch!, request.Method);
        return true;
    }

    /// <summary>
    /// The To tag half of the RFC 2543 rule: a retransmitted request carries the To tag of the original; an ACK
    /// carries the To tag of the response the server transaction sent. Always true for RFC 3261 keys.
    /// </summary>
    public static bool LegacyToTagMatches(SipRequest incoming, SipTransaction existing)
    {
        if (existing.Key is not LegacyServerTransactionKey)
        {
            return true;
        }

        var expected = incoming.Method == SipMethods.Ack && existing is ServerTransaction server
            ? server.ResponseToTag
            : existing.RequestToTag;
        return string.Equals(incoming.To?.Tag, expected, StringComparison.Ordinal);
    }

    private static string ServerMethodOf(string method) => method == SipMethods.Ack ? SipMethods.Invite : method;

    private static bool TryForServer(SipRequest request, string method, out TransactionKey key)
    {
        key = null!;
        if (request.TopVia is not { } via)
        {
            return false;
        }

        if (via.HasRfc3261Branch)
        {
            key = new ServerTransactionKey(via.Branch!, NormalizeSentBy(via), method);
            return true;
        }

        if (request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return false;
        }

        key = new LegacyServerTransactionKey(request.RequestUri.ToString(), request.From?.Tag, callId, cseq.Number, method, via.ToString());
        return true;
    }

    // Host names compare case-insensitively; the port stays as written because a retransmission repeats the Via verbatim.
    private static string NormalizeSentBy(Via via) =>
        via.Port is { } port ? $"{via.Host.ToLowerInvariant()}:{port}" : via.Host.ToLowerInvariant();
}
