using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>Checks a TU-built request before a client transaction takes it: a programming error, so it throws.</summary>
internal static class ClientRequestRules
{
    public static ClientTransactionKey Validate(SipRequest request, string? requiredMethod)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (requiredMethod is not null && request.Method != requiredMethod)
        {
            throw new ArgumentException($"Expected a {requiredMethod} request, got {request.Method}.", nameof(request));
        }

        if (request.Method == SipMethods.Ack)
        {
            throw new ArgumentException("ACK has no client transaction: the ACK for a 2xx is sent by the TU directly.", nameof(request));
        }

        if (!TransactionKeys.TryForClient(request, out var key))
        {
            throw new ArgumentException("The top Via needs a branch starting with z9hG4bK (use SipBranch.New()).", nameof(request));
        }

        if (request.CSeq is not { } cseq || cseq.Method != request.Method || request.CallId is null || request.From is null
            || request.To is null)
        {
            throw new ArgumentException("The request needs From, To, Call-ID and a CSeq naming its method.", nameof(request));
        }

        return key;
    }
}
