using Akka.Actor;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// The signalling port without SIP: the customer is answered at once, the agent picks up at once and hangs up as soon as
/// the legs are bridged, so every call runs queue → router → agent → connect → end as fast as the actors allow. The
/// customer's answer, the agent's ring and the call's end are timestamped.
/// </summary>
internal sealed class BenchSignallingPort : ReceiveActor
{
    private int _notCompleted;

    public BenchSignallingPort(CallBook book)
    {
        Receive<AnswerCustomer>(a =>
        {
            book.Answered(a.CallId);
            Sender.Tell(new CustomerAnswered(a.CallId));
        });
        Receive<RingAgent>(r =>
        {
            book.Rung(r.CallId);
            Sender.Tell(new AgentAnswered(r.CallId, r.AgentId, r.Leg));
        });
        Receive<BridgeLegs>(b => Sender.Tell(new AgentHungUp(b.CallId, b.AgentId, b.Leg)));
        Receive<HangUpCustomer>(h =>
        {
            if (h.Disposition != CallDisposition.Completed)
            {
                _notCompleted++;
            }

            book.Done(h.CallId);
        });
        Receive<GetNotCompleted>(_ => Sender.Tell(_notCompleted));

        // Hold audio and the rest: nothing to do without media.
        Receive<ISignallingCommand>(_ => { });
    }

    public static Props Props(CallBook book) => Akka.Actor.Props.Create(() => new BenchSignallingPort(book));

    /// <summary>Asks how many calls ended otherwise than Completed (a healthy run has none).</summary>
    public sealed record GetNotCompleted
    {
        public static GetNotCompleted Instance { get; } = new();
    }
}
