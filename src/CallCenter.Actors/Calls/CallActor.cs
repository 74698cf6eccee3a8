using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CallCenter.Actors.Entities;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Calls;

namespace CallCenter.Actors.Calls;

/// <summary>One customer call (<c>call-{id}</c>), node-local: the B2BUA's brain. It drives the SIP and media side through
/// the signalling port, waits in its queue, rings the agents it is given and ends with exactly one disposition.</summary>
/// <remarks>
/// Every persisted call event is also published on the node's event stream (live views). Started with
/// <see cref="CallStart.Interrupt"/>, an unfinished call closes itself out as Interrupted, giving back its agent and
/// queue place. Once ended it tells its parent, which closes it in the node's index and stops it.
/// </remarks>
public sealed partial class CallActor : EntityActor<CallState, ICallCommand, ICallEvent>
{
    private const string RingTimer = "ring";
    private const string JoinTimer = "join";
    private static readonly TimeSpan JoinRetry = TimeSpan.FromSeconds(5);
    private static readonly Recovery NoSnapshot = new(SnapshotSelectionCriteria.None);

    private readonly CallPorts _ports;
    private readonly CallStart _start;

    // The queue the call was sent to and has not confirmed yet (first queue, or an overflow).
    private QueueId? _joining;

    public CallActor(CallId callId, CallPorts ports, TimeProvider clock, CallStart start)
        : base($"call-{callId.Value}", new CallState(callId), clock)
    {
        _ports = ports;
        _start = start;
        if (start == CallStart.New)
        {
            NewEntities.Get(Context.System).Add(PersistenceId);
        }

        CommandAny(message =>
        {
            if (!Handle(message))
            {
                Unhandled(message);
            }
        });
    }

    /// <summary>Which side is already gone when the call ends, so nobody is told to hang up twice.</summary>
    [Flags]
    private enum Gone
    {
        Nobody = 0,
        Customer = 1,
        Agent = 2,
        Queue = 4,
    }

    private CallId Id => State.CallId;

    /// <summary>The agent leg's number (the offer's ordinal) while offering or connected.</summary>
    private int Leg => State.Attempts + 1;

    // One per call: a producer, not Props.Create's expression, whose arguments are evaluated by reflection and whose
    // actor is built by Activator (about 5 % of an in-memory node's CPU went into creating CallActors).
    public static Props Props(CallId callId, CallPorts ports, TimeProvider clock, CallStart start = CallStart.Resume) =>
        Akka.Actor.Props.CreateBy(new Producer(callId, ports, clock, start));

    protected override (CommandResult Result, ImmutableArray<ICallEvent> Events) Decide(CallState state, ICallCommand command, DateTimeOffset now) =>
        state.Decide(command, now);

    protected override CallState Apply(CallState state, ICallEvent e) => state.Apply(e);

    public override Recovery Recovery => _start == CallStart.New ? NoSnapshot : base.Recovery;

    protected override void OnPersisted(ICallEvent e) => Context.System.EventStream.Publish(e);

    protected override void OnRecovered()
    {
        NewEntities.Get(Context.System).TryTake(PersistenceId);

        // Persisting is for commands, so closing out happens as the first command after recovery.
        if (_start == CallStart.Interrupt)
        {
            Self.Tell(InterruptNow.Instance);
        }

        // The checks that started it were stashed during recovery and come first; then it is done.
        if (_start == CallStart.Inspect)
        {
            Self.Tell(InspectionDone.Instance);
        }
    }

    private void Interrupt()
    {
        if (State.Phase == CallPhase.New || State.IsEnded)
        {
            AfterWrites(() =>
            {
                if (State.Phase == CallPhase.New)
                {
                    // Opened but never recorded (its first write failed): nothing to close, but the caller may still wait.
                    _ports.Signalling.Tell(new SignallingCommands.HangUpCustomer(Id, CallDisposition.Failed));
                }

                Context.Parent.Tell(new CallFinished(Id));
            });
            return;
        }

        Log.Warning("Call {CallId} was {Phase} when its node went down; closing it as interrupted", Id, State.Phase);
        End(CallDisposition.Interrupted, ActorRefs.Nobody, Gone.Nobody);
    }

    private void End(CallDisposition disposition, IActorRef replyTo, Gone gone)
    {
        if (State.IsEnded)
        {
            AfterWrites(() => Reply(replyTo, CommandResult.NoOp));
            return;
        }

        Execute(new CallCommands.End(Id, disposition), replyTo, (before, _) => Ended(before, gone));
    }

    private sealed class Producer(CallId callId, CallPorts ports, TimeProvider clock, CallStart start) : IIndirectActorProducer
    {
        public Type ActorType => typeof(CallActor);

        public ActorBase Produce() => new CallActor(callId, ports, clock, start);

        public void Release(ActorBase actor)
        {
        }
    }

    private sealed record InterruptNow
    {
        public static InterruptNow Instance { get; } = new();
    }

    private sealed record InspectionDone
    {
        public static InspectionDone Instance { get; } = new();
    }

    private sealed record RingTimedOut(AgentId AgentId, int Leg) : INotInfluenceReceiveTimeout;

    private sealed record JoinDue(QueueId QueueId) : INotInfluenceReceiveTimeout;
}
