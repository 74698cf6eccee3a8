using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Entities;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;
using static CallCenter.Actors.Queues.QueueNotifications;
using static CallCenter.Actors.Queues.RouterProtocol;
using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Actors.Queues;

/// <summary>One queue (<c>queue-{id}</c>): its waiting calls in order, limits, deadlines and statistics. Its
/// <see cref="RouterActor"/> child picks agents; the queue records offers and tells the calls.</summary>
/// <remarks>
/// Calls are reached through the refs they enqueue from (never persisted). After a restart the queue knows none; each
/// CallActor watches its queue and enqueues again when it stops, and only calls it can reach are routed.
/// </remarks>
public sealed class QueueActor : EntityActor<QueueState, IQueueCommand, IQueueEvent>
{
    private const string DeadlineTimer = "deadline";

    private readonly IActorRef _agents;
    private readonly IActorRef _router;
    private readonly Dictionary<CallId, IActorRef> _callers = [];

    // Calls told they joined as soon as that was decided (see Enqueue): not told again once CallJoined is stored.
    private readonly HashSet<CallId> _toldJoined = [];
    private ImmutableArray<QueuedCall> _routed = [];

    public QueueActor(QueueId queueId, IActorRef agents, QueueActorOptions options)
        : base($"queue-{queueId.Value}", new QueueState(queueId), options.Clock)
    {
        _agents = agents;
        _router = Context.ActorOf(RouterActor.Props(queueId, agents, options.OfferTimeout), "router");

        Command<QueueCommands.Enqueue>(Enqueue);
        Command<QueueCommands.Requeue>(c =>
        {
            Remember(c.CallId, Sender);
            Execute(c, ActorRefs.Nobody, OnChanged);
        });
        Command<QueueCommands.MarkAnswered>(c => Execute(c, ActorRefs.Nobody, OnChanged));
        Command<QueueCommands.Remove>(c => Execute(c, ActorRefs.Nobody, OnChanged));
        Command<QueueCommands.Configure>(c => Execute(c, Sender, OnChanged));
        Command<QueueCommands.UpdateStaffing>(c => Execute(c, ActorRefs.Nobody, OnChanged));
        Command<OfferAccepted>(OfferAccepted);
        Command<AgentAnnounced>(a => _router.Forward(a));
        Command<AgentWithdrawn>(w => _router.Forward(w));
        Command<OfferRevoked>(r =>
        {
            if (_callers.TryGetValue(r.CallId, out var call))
            {
                call.Tell(r);
            }
        });
        Command<QueueQueries.GetQueueState>(_ =>
        {
            var replyTo = Sender;
            AfterWrites(() => replyTo.Tell(new QueueQueries.QueueStateResult(State)));
        });
        Command<DeadlineDue>(_ => Execute(new QueueCommands.Tick(State.QueueId), ActorRefs.Nobody, OnChanged));
    }

    public static Props Props(QueueId queueId, IActorRef agents, QueueActorOptions options) =>
        Akka.Actor.Props.Create(() => new QueueActor(queueId, agents, options));

    protected override (CommandResult Result, ImmutableArray<IQueueEvent> Events) Decide(QueueState state, IQueueCommand command, DateTimeOffset now) =>
        state.Decide(command, now);

    protected override QueueState Apply(QueueState state, IQueueEvent e) => state.Apply(e);

    protected override void OnRecovered()
    {
        _router.Tell(new RoutingConfigured(State.Settings.Strategy, State.LoggedInAgents));
        ArmDeadline();
        ConfirmPlaces();
    }

    // Places recovered from the journal may be stale: the call may have ended, or been answered, without this queue
    // hearing it before the process died. Each call answers from its own journal (CallChecks); live calls also
    // re-attach by themselves.
    private void ConfirmPlaces()
    {
        if (State.Calls.IsEmpty || !CallCheckRoute.TryFind(Context.System, out var calls))
        {
            return;
        }

        foreach (var call in State.Calls)
        {
            calls.Tell(new CallChecks.ConfirmQueuePlace(call.CallId, State.QueueId, call.OfferedTo), Self);
        }
    }

    private void Enqueue(QueueCommands.Enqueue c)
    {
        var caller = Sender;
        Remember(c.CallId, caller);
        var result = Execute(c, ActorRefs.Nobody, OnChanged);
        if (result.IsNoOp)
        {
            // Already here: the call re-attaches (after this queue restarted) or repeats itself.
            AfterWrites(() =>
            {
                caller.Tell(new JoinedQueue(c.CallId, State.QueueId));
                PublishWaiting();
            });
        }
        else if (result.IsOk && LatestState.Find(c.CallId) is not null && !caller.IsNobody())
        {
            // Told before CallJoined is stored: the call answers its customer on it, and waiting for this write put
            // one more journal round trip before every 200 OK. Nothing durable rests on it: the call's own arrival
            // is stored, so a node that dies now closes the call as Interrupted; a queue that stops before its write
            // is done loses the call's place, and the call, which watches its queue, joins the next one again.
            // Offers still wait for the write (the router hears of the call in OnChanged).
            _toldJoined.Add(c.CallId);
            caller.Tell(new JoinedQueue(c.CallId, State.QueueId));
        }
    }

    private void OfferAccepted(OfferAccepted a)
    {
        var router = Sender;
        if (!_callers.TryGetValue(a.CallId, out var call))
        {
            Release(a.AgentId, a.CallId);
            router.Tell(new OfferRecorded(a.CallId));
            return;
        }

        var result = Execute(new QueueCommands.StartOffer(State.QueueId, a.CallId, a.AgentId), ActorRefs.Nobody, (before, events) =>
        {
            OnChanged(before, events);
            call.Tell(new AgentAssigned(a.CallId, State.QueueId, a.AgentId, a.Contact, State.Settings.RingTimeout));
            router.Tell(new OfferRecorded(a.CallId));
        });
        if (!result.IsOk)
        {
            AfterWrites(() =>
            {
                if (result.IsRejected)
                {
                    // The call left (or rings someone else) while the agent was being asked: give the agent back.
                    Release(a.AgentId, a.CallId);
                }

                router.Tell(new OfferRecorded(a.CallId));
            });
        }
    }

    private void OnChanged(QueueState before, ImmutableArray<IQueueEvent> events)
    {
        // Deadlines first: whoever hears from this queue next may already count on them.
        ArmDeadline();
        foreach (var e in events)
        {
            switch (e)
            {
                case QueueConfigured:
                    _router.Tell(new RoutingConfigured(State.Settings.Strategy, State.LoggedInAgents));
                    break;
                case CallJoined j:
                    if (!_toldJoined.Remove(j.CallId))
                    {
                        Tell(j.CallId, new JoinedQueue(j.CallId, State.QueueId));
                    }

                    break;
                case CallDiverted d:
                    Log.Info("Queue {QueueId} diverted call {CallId} ({Reason})", State.QueueId, d.CallId, d.Reason);
                    Tell(d.CallId, new DivertedByQueue(d.CallId, State.QueueId, d.Reason, d.OverflowTo, d.Disposition));
                    Forget(d.CallId);
                    break;
                case CallRemoved r:
                    if (before.Find(r.CallId)?.OfferedTo is { } ringing)
                    {
                        Release(ringing, r.CallId);
                    }

                    Forget(r.CallId);
                    break;
                case CallAnswered a:
                    Forget(a.CallId);
                    break;
            }
        }

        PublishWaiting();
    }

    private void Remember(CallId callId, IActorRef caller)
    {
        if (!caller.IsNobody())
        {
            _callers[callId] = caller;
        }
    }

    // Effects run after later commands were decided: a call that came back meanwhile (it enqueued again) keeps its ref.
    private void Forget(CallId callId)
    {
        if (LatestState.Find(callId) is null)
        {
            _callers.Remove(callId);
        }
    }

    private void Tell(CallId callId, object message)
    {
        if (_callers.TryGetValue(callId, out var call))
        {
            call.Tell(message);
        }
    }

    // Releasing twice is harmless: the agent treats a reservation it no longer holds as a NoOp.
    private void Release(AgentId agentId, CallId callId) =>
        _agents.Tell(new AgentCommands.ReleaseReservation(agentId, callId, ReleaseReason.Cancelled), ActorRefs.NoSender);

    // Runs after every change of the queue: compares in place and builds the router's list only when it changed
    // (most changes, an offer started or an agent's call ended, leave the waiting calls as they were).
    private void PublishWaiting()
    {
        var routed = 0;
        var same = true;
        foreach (var call in State.Calls)
        {
            if (IsRoutable(call))
            {
                same = same && routed < _routed.Length && _routed[routed] == call;
                routed++;
            }
        }

        if (same && routed == _routed.Length)
        {
            return;
        }

        var waiting = ImmutableArray.CreateBuilder<QueuedCall>(routed);
        foreach (var call in State.Calls)
        {
            if (IsRoutable(call))
            {
                waiting.Add(call);
            }
        }

        _routed = waiting.MoveToImmutable();
        _router.Tell(new WaitingCallsChanged(_routed));
    }

    private bool IsRoutable(QueuedCall call) => call.IsWaiting && _callers.ContainsKey(call.CallId);

    private void ArmDeadline()
    {
        if (State.NextDeadline is { } due)
        {
            Timers.StartSingleTimer(DeadlineTimer, DeadlineDue.Instance, Until(due, Now));
        }
        else
        {
            Timers.Cancel(DeadlineTimer);
        }
    }

    private sealed record DeadlineDue : INotInfluenceReceiveTimeout
    {
        public static DeadlineDue Instance { get; } = new();
    }
}
