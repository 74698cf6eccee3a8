using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Queues.QueueNotifications;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Calls;

// What the call does with each message. One switch instead of a Command<T> registration per message type: a CallActor
// is created for every call, and each registration cost a delegate, a handler entry and generic lookups in the runtime.
public sealed partial class CallActor
{
    private bool Handle(object message)
    {
        switch (message)
        {
            case CallCommands.Receive r:
                Execute(r, Sender, (_, _) => Arrived());
                break;
            case CallCommands.End e:
                End(e.Disposition, Sender, Gone.Nobody);
                break;
            case InterruptNow:
                Interrupt();
                break;
            case EndForShutdown:
                End(State.Phase == CallPhase.Connected ? CallDisposition.Completed : CallDisposition.Interrupted, ActorRefs.Nobody, Gone.Nobody);
                break;
            case JoinedQueue j:
                Joined(j);
                break;
            case JoinDue due:
                JoinAgain(due);
                break;
            case DivertedByQueue d:
                Diverted(d);
                break;
            case AgentAssigned a:
                Assigned(a);
                break;
            case OfferRevoked r:
                FailOffer(r.AgentId, null, OfferFailure.Failed, legUp: true);
                break;
            case RingTimedOut t:
                FailOffer(t.AgentId, t.Leg, OfferFailure.NoAnswer, legUp: true);
                break;
            case SignallingEvents.CustomerAnswered:
                CustomerAnswered();
                break;
            case CustomerHungUp:
                Execute(new CallCommands.Hangup(Id, Party.Caller), ActorRefs.Nobody, (before, _) => Ended(before, Gone.Customer));
                break;
            case AgentRinging r:
                Log.Debug("Agent {AgentId} rings for call {CallId} (leg {Leg})", r.AgentId, Id, r.Leg);
                break;
            case AgentAnswered a:
                AgentAnswered(a);
                break;
            case AgentRejected r:
                FailOffer(r.AgentId, r.Leg, OfferFailures.FromStatus(r.Status), legUp: false);
                break;
            case AgentNoAnswer n:
                FailOffer(n.AgentId, n.Leg, OfferFailure.NoAnswer, legUp: false);
                break;
            case AgentHungUp h:
                AgentHungUp(h);
                break;
            case MediaFailed m:
                Log.Warning("Media of call {CallId} failed: {Reason}", Id, m.Reason);
                End(CallDisposition.Failed, ActorRefs.Nobody, Gone.Nobody);
                break;
            case CallQueries.GetCallState:
                var replyTo = Sender;
                AfterWrites(() => replyTo.Tell(new CallQueries.CallStateResult(State)));
                break;
            case Terminated t:
                QueueStopped(t);
                break;
            case CallChecks.ConfirmAgentHold check:
                ConfirmAgentHold(check);
                break;
            case CallChecks.ConfirmQueuePlace check:
                ConfirmQueuePlace(check);
                break;
            case InspectionDone:
                Context.Stop(Self);
                break;
            default:
                return false;
        }

        return true;
    }
}
