using Akka.Actor;
using Akka.Event;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

// Who may start a call: nobody while the node drains, and not more than the node can answer in time.
public sealed partial class SipGatewayActor
{
    private void StartDraining(SipGatewayDrain.StartDraining drain)
    {
        _drainRetryAfter = drain.RetryAfter;
        _log.Info("SIP gateway draining: new calls and registrations get 503 (Retry-After {RetryAfter})", drain.RetryAfter);
        Sender.Tell(SipGatewayDrain.Draining.Instance);
    }

    private void RefuseInOverload(IncomingRequest incoming, TransactionKey transaction)
    {
        // The first refusal of a burst and then one in a hundred: an overloaded node must not also flood its log.
        if (_admission.Refused % 100 == 1)
        {
            _log.Warning(
                "Overload: {Pending} calls still wait for their first answer; INVITE from {Remote} refused with 503 ({Refused} so far)",
                _admission.Pending, incoming.Remote, _admission.Refused);
        }

        Respond(transaction, SipGatewayDrain.Refusal(incoming.Request, OverloadRetryAfter));
    }
}
