using Akka.Actor;
using Akka.Event;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Gateway.Legs;

// A delayed offer (INVITE without SDP): the answer to the offer in our 200 arrives in the caller's ACK.
public sealed partial class CallLegsActor
{
    /// <summary>Sets up the caller's media from the answer in its ACK; false (and the call hung up as Failed) when there is
    /// none or it cannot be used. True at once when the INVITE carried the offer.</summary>
    private bool TakeAnswerFromAck()
    {
        if (!_customer.AwaitsAnswerInAck)
        {
            return true;
        }

        _customer.AwaitsAnswerInAck = false;
        if (_relay is not null && _customer.LastAck is { } ack && _customer.LocalSdp is { } offer)
        {
            var audio = CustomerOffer.ReadAnswer(offer, ack, out var problem);
            if (audio is not null && TryUseMedia(_relay.Customer, audio))
            {
                return true;
            }

            _log.Warning(
                "Call {CallId}: the caller sent no usable SDP answer to our offer ({Problem}); hanging up", _callId,
                audio is null ? problem : "the relay cannot reach the address it names");
        }

        // §13.2.1 leaves a UAS no way to refuse an answer in an ACK but to end the session.
        SendBye(_customer);
        _calls.Tell(new MediaFailed(_callId, "the caller's ACK carried no usable SDP answer to the center's offer"), ActorRefs.NoSender);
        return false;
    }
}
