using Akka.Actor;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>The transaction layer's TU as messages to the gateway: the layer may call it while the gateway is in the
/// middle of another layer call, and a Tell keeps that re-entrancy out of the gateway's handlers.</summary>
internal sealed class ActorTransactionUser(IActorRef gateway) : ISipTransactionUser
{
    public void OnRequest(IncomingRequest request) => gateway.Tell(new SipInbound.Request(request), ActorRefs.NoSender);

    public void OnResponse(ClientTransactionKey transaction, SipResponse response) =>
        gateway.Tell(new SipInbound.Response(transaction, response), ActorRefs.NoSender);

    public void OnTimeout(TransactionKey transaction, TransactionTimer timer) =>
        gateway.Tell(new SipInbound.TimedOut(transaction, timer), ActorRefs.NoSender);

    public void OnTransportError(TransactionKey transaction) =>
        gateway.Tell(new SipInbound.TransportFailed(transaction), ActorRefs.NoSender);

    public void OnCancelled(TransactionKey invite, SipRequest cancel) =>
        gateway.Tell(new SipInbound.Cancelled(invite, cancel), ActorRefs.NoSender);
}
