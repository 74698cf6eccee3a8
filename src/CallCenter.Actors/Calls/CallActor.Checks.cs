using Akka.Actor;
using Akka.Event;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Calls.CallChecks;

namespace CallCenter.Actors.Calls;

// Answers to agents and queues that recovered holding this call. Replies go through the same ports as the call's own
// effects, so they stay in order with them (a ConnectCall sent here never overtakes an EndCall sent before it).
public sealed partial class CallActor
{
    // After pending writes: the verdict must stand on what the call's journal holds.
    private void ConfirmAgentHold(ConfirmAgentHold check) => AfterWrites(() => JudgeAgentHold(check));

    private void ConfirmQueuePlace(ConfirmQueuePlace check) => AfterWrites(() => JudgeQueuePlace(check));

    private void JudgeAgentHold(ConfirmAgentHold check)
    {
        var verdict = State.JudgeAgentHold(check.AgentId, check.Connected);
        if (verdict == AgentHoldVerdict.Keep)
        {
            return;
        }

        Log.Info("Agent {AgentId} recovered holding call {CallId} (phase {Phase}): {Verdict}", check.AgentId, Id, State.Phase, verdict);
        var agents = _ports.Agents;
        switch (verdict)
        {
            case AgentHoldVerdict.Connect:
                agents.Tell(new AgentCommands.ConnectCall(check.AgentId, Id), ActorRefs.NoSender);
                break;
            case AgentHoldVerdict.ConnectAndEnd:
                agents.Tell(new AgentCommands.ConnectCall(check.AgentId, Id), ActorRefs.NoSender);
                agents.Tell(new AgentCommands.EndCall(check.AgentId, Id), ActorRefs.NoSender);
                break;
            case AgentHoldVerdict.End:
                agents.Tell(new AgentCommands.EndCall(check.AgentId, Id), ActorRefs.NoSender);
                break;
            case AgentHoldVerdict.Release:
                ReleaseAgent(check.AgentId, ReleaseReason.Cancelled);
                break;
        }
    }

    private void JudgeQueuePlace(ConfirmQueuePlace check)
    {
        var verdict = State.JudgeQueuePlace(check.QueueId, check.OfferedTo);
        if (verdict == QueuePlaceVerdict.Keep)
        {
            return;
        }

        Log.Info("Queue {QueueId} recovered holding call {CallId} (phase {Phase}): {Verdict}", check.QueueId, Id, State.Phase, verdict);
        object command = verdict switch
        {
            QueuePlaceVerdict.Answered => new QueueCommands.MarkAnswered(check.QueueId, Id, State.AgentId!.Value),
            QueuePlaceVerdict.Requeue => new QueueCommands.Requeue(check.QueueId, Id, check.OfferedTo!.Value, OfferFailure.Failed),
            _ => new QueueCommands.Remove(check.QueueId, Id, State.RemovalDisposition),
        };

        // A live call (Requeue) is the queue's caller again; an inspected one stops right after.
        _ports.Queues.Tell(command, State.IsEnded || _start == CallStart.Inspect ? ActorRefs.NoSender : Self);
    }
}
