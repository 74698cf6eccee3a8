using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The transaction user (UA core, dialog layer, gateway actor): what the transaction layer reports upward.
/// Calls are serialized, arrive in the order the layer produced them, and are never made while the layer's lock
/// is held, so an implementation may call back into the layer (answer a request right away) or take its own locks.
/// Implementations should return quickly (an actor's Tell is ideal) and must not throw.
/// </summary>
public interface ISipTransactionUser
{
    /// <summary>A new request (server transaction created) or an ACK for a 2xx (no transaction).</summary>
    void OnRequest(IncomingRequest request);

    /// <summary>A response for a client transaction: every provisional, the final, and every 2xx while Accepted.</summary>
    void OnResponse(ClientTransactionKey transaction, SipResponse response);

    /// <summary>B or F: no final response in time (B also after an unanswered CANCEL); H: the ACK for our non-2xx never came.</summary>
    void OnTimeout(TransactionKey transaction, TransactionTimer timer);

    /// <summary>The transport could not deliver a message of this transaction.</summary>
    void OnTransportError(TransactionKey transaction);

    /// <summary>A CANCEL stopped this INVITE server transaction: the layer has sent 200 to the CANCEL and 487 to the INVITE.</summary>
    void OnCancelled(TransactionKey invite, SipRequest cancel);
}
