using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// A request for the TU. <see cref="Transaction"/> is the server transaction to answer through
/// <see cref="SipTransactionLayer.SendResponse"/>; it is null for an ACK, which is dialog-level (the ACK for a 2xx)
/// and is never answered.
/// </summary>
public sealed record IncomingRequest(SipRequest Request, TransactionKey? Transaction, SipEndPoint Remote, SipEndPoint Local)
{
    public bool IsAck => Transaction is null;
}
