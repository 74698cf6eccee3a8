using System.Collections.Immutable;
using Akka.Actor;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>How the phones behind an <see cref="AutoSignallingPort"/> behave.</summary>
/// <param name="SilentAgents">Agents whose phone rings and is never picked up (the call stays Offering).</param>
/// <param name="AgentHangsUp">Calls whose agent hangs up as soon as the legs are bridged (the call completes).</param>
internal sealed record PhoneBehaviour(ImmutableHashSet<AgentId> SilentAgents, Func<CallId, bool> AgentHangsUp)
{
    /// <summary>Every phone answers; nobody hangs up until the test says so.</summary>
    public static PhoneBehaviour Answering { get; } = new([], _ => false);
}

/// <summary>
/// The signalling port of an in-process node without SIP: customers are answered at once and agents pick up at once
/// (unless silent), replying to the CallActor that asked, as the gateway would. Every command is copied to
/// the monitor so specs can follow the calls.
/// </summary>
internal sealed class AutoSignallingPort : ReceiveActor
{
    public AutoSignallingPort(IActorRef monitor, PhoneBehaviour phones)
    {
        Receive<ISignallingCommand>(command =>
        {
            monitor.Tell(command);
            var call = Sender;
            switch (command)
            {
                case AnswerCustomer a:
                    call.Tell(new CustomerAnswered(a.CallId));
                    break;
                case RingAgent r:
                    call.Tell(new AgentRinging(r.CallId, r.AgentId, r.Leg));
                    if (!phones.SilentAgents.Contains(r.AgentId))
                    {
                        call.Tell(new AgentAnswered(r.CallId, r.AgentId, r.Leg));
                    }

                    break;
                case BridgeLegs b when phones.AgentHangsUp(b.CallId):
                    call.Tell(new AgentHungUp(b.CallId, b.AgentId, b.Leg));
                    break;
            }
        });
    }

    public static Props Props(IActorRef monitor, PhoneBehaviour phones) =>
        Akka.Actor.Props.Create(() => new AutoSignallingPort(monitor, phones));
}
