using Akka.Actor;
using Akka.Event;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Queues.QueueNotifications;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Calls;

// The agent leg: ringing, answer, failure, hangup, and what the end of the call gives back.
public sealed partial class CallActor
{
    private void Assigned(AgentAssigned a)
    {
        if (a.QueueId != State.QueueId
            || Execute(new CallCommands.Offer(Id, a.AgentId), ActorRefs.Nobody, (_, _) => Ring(a)).IsRejected)
        {
            // Ended, or ringing someone else already: the agent must not stay reserved for nothing.
            AfterWrites(() => ReleaseAgent(a.AgentId, ReleaseReason.Cancelled));
        }
    }

    private void Ring(AgentAssigned a)
    {
        // The timer first: whoever sees the ring may already count on the timeout being armed.
        Timers.StartSingleTimer(RingTimer, new RingTimedOut(a.AgentId, Leg), a.RingTimeout);
        _ports.Signalling.Tell(new RingAgent(Id, a.AgentId, a.Contact, Leg));
    }

    private bool IsCurrentLeg(AgentId agentId, int? leg) =>
        State.Phase is CallPhase.Offering or CallPhase.Connected && State.AgentId == agentId && (leg is null || leg == Leg);

    private void AgentAnswered(AgentAnswered a)
    {
        if (!IsCurrentLeg(a.AgentId, a.Leg))
        {
            // A leg already given up on answered after all: drop it.
            Log.Info("Stale agent leg {Leg} of call {CallId} answered; hanging it up", a.Leg, Id);
            AfterWrites(() => _ports.Signalling.Tell(new HangUpAgent(Id, a.AgentId, a.Leg)));
            return;
        }

        var queueId = State.QueueId!.Value;
        Execute(new CallCommands.Connect(Id, a.AgentId), ActorRefs.Nobody, (_, _) =>
        {
            Timers.Cancel(RingTimer);
            _ports.Signalling.Tell(new StopHoldAudio(Id));
            _ports.Signalling.Tell(new BridgeLegs(Id, a.AgentId, a.Leg));
            _ports.Agents.Tell(new AgentCommands.ConnectCall(a.AgentId, Id), ActorRefs.NoSender);
            _ports.Queues.Tell(new QueueCommands.MarkAnswered(queueId, Id, a.AgentId), ActorRefs.NoSender);
        });
    }

    private void AgentHungUp(AgentHungUp h)
    {
        if (!IsCurrentLeg(h.AgentId, h.Leg))
        {
            return;
        }

        if (State.Phase == CallPhase.Offering)
        {
            // The leg went away before an answer: it failed.
            FailOffer(h.AgentId, h.Leg, OfferFailure.Failed, legUp: false);
            return;
        }

        Execute(new CallCommands.Hangup(Id, Party.Agent), ActorRefs.Nobody, (before, _) => Ended(before, Gone.Agent));
    }

    /// <summary>The offer to <paramref name="agentId"/> failed: the call waits again at the head of its queue.</summary>
    private void FailOffer(AgentId agentId, int? leg, OfferFailure failure, bool legUp)
    {
        if (State.Phase != CallPhase.Offering || !IsCurrentLeg(agentId, leg))
        {
            return;
        }

        Log.Info("Offer of call {CallId} to agent {AgentId} failed: {Failure}", Id, agentId, failure);
        var failedLeg = Leg;
        var queueId = State.QueueId!.Value;
        Execute(new CallCommands.FailOffer(Id, agentId, failure), ActorRefs.Nobody, (_, _) =>
        {
            Timers.Cancel(RingTimer);
            if (legUp)
            {
                _ports.Signalling.Tell(new CancelAgentLeg(Id, agentId, failedLeg));
            }

            ReleaseAgent(agentId, failure.ToReleaseReason());
            _ports.Queues.Tell(new QueueCommands.Requeue(queueId, Id, agentId, failure));
        });
    }

    /// <summary>The call ended: give back the agent and the queue place, hang up whoever is still there, close.</summary>
    private void Ended(CallState before, Gone gone)
    {
        Timers.Cancel(RingTimer);
        Timers.Cancel(JoinTimer);
        var disposition = State.Disposition!.Value;
        var leg = before.Attempts + 1;
        switch (before)
        {
            case { Phase: CallPhase.Offering, AgentId: { } ringing }:
                if (!gone.HasFlag(Gone.Agent))
                {
                    _ports.Signalling.Tell(new CancelAgentLeg(Id, ringing, leg));
                }

                ReleaseAgent(ringing, ReleaseReason.Cancelled);
                break;
            case { Phase: CallPhase.Connected, AgentId: { } talking }:
                if (!gone.HasFlag(Gone.Agent))
                {
                    _ports.Signalling.Tell(new HangUpAgent(Id, talking, leg));
                }

                _ports.Agents.Tell(new AgentCommands.EndCall(talking, Id), ActorRefs.NoSender);
                break;
        }

        if (!gone.HasFlag(Gone.Queue) && before.Phase is CallPhase.Arrived or CallPhase.Queued or CallPhase.Offering)
        {
            foreach (var queueId in new[] { before.QueueId, _joining }.OfType<QueueId>().Distinct())
            {
                _ports.Queues.Tell(new QueueCommands.Remove(queueId, Id, disposition), ActorRefs.NoSender);
            }
        }

        if (!gone.HasFlag(Gone.Customer))
        {
            _ports.Signalling.Tell(new HangUpCustomer(Id, disposition));
        }

        Log.Info("Call {CallId} ended: {Disposition}", Id, disposition);
        Context.Parent.Tell(new CallFinished(Id));
    }

    private void ReleaseAgent(AgentId agentId, ReleaseReason reason) =>
        _ports.Agents.Tell(new AgentCommands.ReleaseReservation(agentId, Id, reason), ActorRefs.NoSender);
}
