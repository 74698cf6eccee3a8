using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Queues.QueueNotifications;

namespace CallCenter.Actors.Calls;

// The call's way through its queue(s): joining, overflow, diversion, re-attaching to a restarted queue.
public sealed partial class CallActor
{
    private void Arrived() => JoinQueue(State.QueueId!.Value);

    // Until the queue answers, the request is repeated: a queue that stopped before answering lost it (Enqueue is idempotent).
    private void JoinQueue(QueueId queueId)
    {
        _joining = queueId;
        Timers.StartSingleTimer(JoinTimer, new JoinDue(queueId), JoinRetry);
        _ports.Queues.Tell(new QueueCommands.Enqueue(queueId, Id, State.Priority));
    }

    private void JoinAgain(JoinDue due)
    {
        if (_joining == due.QueueId && !State.IsEnded)
        {
            Log.Warning("Queue {QueueId} has not answered call {CallId}; asking again", due.QueueId, Id);
            AfterWrites(() => JoinQueue(due.QueueId));
        }
    }

    private void Joined(JoinedQueue j)
    {
        var queue = Sender;
        if (State.IsEnded)
        {
            // Joined after the end (an overflow crossed the hangup): leave again.
            if (State.Disposition is { } disposition && disposition != CallDisposition.Completed)
            {
                AfterWrites(() => queue.Tell(new QueueCommands.Remove(j.QueueId, Id, disposition), ActorRefs.NoSender));
            }

            return;
        }

        if (j.QueueId != (_joining ?? State.QueueId))
        {
            return;
        }

        _joining = null;
        Timers.Cancel(JoinTimer);
        if (!queue.IsNobody())
        {
            Context.Watch(queue);
        }

        // The customer is answered once the queue has taken the call (it tells so before its CallJoined is stored)
        // and the call's own arrival is stored, without waiting for CallQueued: of the four journal writes that used
        // to come before the 200 OK, the index's and the arrival's remain. Were the node to die before CallQueued is
        // stored, the call recovers as Arrived and is closed out as Interrupted all the same, and the queue's place
        // is given back through its CallChecks.
        if (State.Phase == CallPhase.Arrived)
        {
            AfterWrites(() => _ports.Signalling.Tell(new SignallingCommands.AnswerCustomer(Id)));
        }

        Execute(new CallCommands.Enqueue(Id, j.QueueId), ActorRefs.Nobody);
    }

    private void Diverted(DivertedByQueue d)
    {
        if (State.IsEnded || d.QueueId != (_joining ?? State.QueueId))
        {
            return;
        }

        if (d.OverflowTo is { } next)
        {
            Log.Info("Call {CallId} overflows from {QueueId} to {OverflowTo}", Id, d.QueueId, next);
            Context.Unwatch(Sender);
            AfterWrites(() => JoinQueue(next));
            return;
        }

        End(d.Disposition ?? CallDisposition.Failed, ActorRefs.Nobody, Gone.Queue);
    }

    // A queue that stopped (journal failure, rebalance) lost this call's ref: enqueue again, which it takes as a NoOp.
    // Not while the node shuts down: the queue stopped for good then.
    private void QueueStopped(Terminated t)
    {
        if (CoordinatedShutdown.Get(Context.System).ShutdownReason is not null)
        {
            return;
        }

        if (State.Phase is CallPhase.Queued or CallPhase.Offering && _joining is null && State.QueueId is { } queueId)
        {
            Log.Info("Queue {QueueId} of call {CallId} stopped; joining it again", queueId, Id);
            AfterWrites(() => JoinQueue(queueId));
        }
    }

    private void CustomerAnswered()
    {
        if (State.Phase is CallPhase.Queued or CallPhase.Offering)
        {
            AfterWrites(() => _ports.Signalling.Tell(new SignallingCommands.StartHoldAudio(Id)));
        }
    }
}
