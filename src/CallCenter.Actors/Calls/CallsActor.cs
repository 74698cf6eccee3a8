using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CallCenter.Actors.Entities;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using static CallCenter.Actors.Calls.CallIndexEvents;

namespace CallCenter.Actors.Calls;

/// <summary>The node's "calls" actor: parent of its CallActors and the persistent index (<c>calls-{node}</c>) of which
/// of them are open. On start it recovers the index and has every call still open close itself out as Interrupted.</summary>
/// <remarks>
/// A new call (<see cref="CallCommands.Receive"/>) is written to the index before its actor exists, so a crash can never
/// leave a call that recovery would not find. Other messages for a call go to its actor while it is open; afterwards they
/// are dropped (the queue and agents have already been given back). A call whose actor stops without finishing (its
/// journal failed) is started once more in <see cref="CallStart.Interrupt"/> mode. When the index's own journal fails,
/// this actor stops and takes its calls with it; hosting runs it under a backoff supervisor, so it comes back and
/// closes those calls out as Interrupted.
/// </remarks>
public sealed class CallsActor : ReceivePersistentActor
{
    private readonly Func<CallId, CallStart, Props> _callProps;
    private readonly Dictionary<CallId, IActorRef> _children = [];
    private readonly Dictionary<IActorRef, CallId> _childIds = [];
    private readonly HashSet<CallId> _interrupted = [];

    // Calls whose CallOpened is being written, with what came for them meanwhile (delivered once their actor exists).
    private readonly Dictionary<CallId, List<(object Message, IActorRef Sender)>> _opening = [];

    // Calls that finished and whose CallClosed is being written: still open, but stopped on purpose.
    private readonly HashSet<CallId> _closing = [];

    // Openings and closings waiting for the index's next write; one write is in flight at a time.
    private readonly List<(CallCommands.Receive Arrival, IActorRef Sender)> _toOpen = [];
    private readonly List<CallId> _toClose = [];
    private bool _indexWriting;

    private long _inspections;
    private readonly HashSet<CallId> _open = [];

    public CallsActor(string nodeId, Func<CallId, CallStart, Props> callProps)
    {
        PersistenceId = $"calls-{nodeId}";
        _callProps = callProps;

        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is OpenCalls snapshot)
            {
                _open.Clear();
                _open.UnionWith(snapshot.Calls);
            }
        });
        Recover<CallsIndexed>(e =>
        {
            _open.ExceptWith(e.Closed);
            _open.UnionWith(e.Opened);
        });

        // What the index wrote before it batched: one row per opening and per closing.
        Recover<CallOpened>(e => _open.Add(e.CallId));
        Recover<CallClosed>(e => _open.Remove(e.CallId));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var callId in _open)
            {
                _interrupted.Add(callId);
                Start(callId, CallStart.Interrupt);
            }
        });

        Command<CallCommands.Receive>(Receive);
        Command<CallFinished>(Finished);
        Command<Terminated>(Stopped);
        Command<CallChecks.ICallCheck>(Check);
        Command<CallQueries.GetOpenCalls>(_ => Sender.Tell(new CallQueries.OpenCallsResult([.. _open.Order()])));
        Command<IWithCallId>(m =>
        {
            if (_children.TryGetValue(m.CallId, out var child))
            {
                child.Forward(m);
            }
            else if (_opening.TryGetValue(m.CallId, out var waiting))
            {
                waiting.Add((m, Sender));
            }
            else
            {
                Log.Debug("Call {CallId} is not open here; {Message} dropped", m.CallId, m.GetType().Name);
            }
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props Props(string nodeId, CallPorts ports, TimeProvider clock) =>
        Props(nodeId, (callId, start) => CallActor.Props(callId, ports, clock, start));

    public static Props Props(string nodeId, Func<CallId, CallStart, Props> callProps) =>
        Akka.Actor.Props.Create(() => new CallsActor(nodeId, callProps));

    // The index is written with PersistAsync: Persist would hold every other call of the node back until each single
    // write is done, making one journal round trip per call the node's ceiling. One write is in flight at a time and
    // the openings and closings that come meanwhile go together in the next (one row, not one per call and change);
    // messages for a call still being opened wait for its actor in _opening.
    private void Receive(CallCommands.Receive r)
    {
        var sender = Sender;
        if (_opening.TryGetValue(r.CallId, out var waiting))
        {
            waiting.Add((r, sender));
            return;
        }

        if (!_open.Contains(r.CallId) && _children.ContainsKey(r.CallId))
        {
            // The same Call-ID again while its finished actor is still stopping.
            Log.Warning("Call {CallId} is still closing; {Message} dropped", r.CallId, nameof(CallCommands.Receive));
            return;
        }

        if (_open.Contains(r.CallId))
        {
            if (_children.TryGetValue(r.CallId, out var child))
            {
                child.Tell(r, sender);
            }

            return;
        }

        _opening[r.CallId] = [];
        _toOpen.Add((r, sender));
        WriteIndex();
    }

    private void WriteIndex()
    {
        if (_indexWriting || (_toOpen.Count == 0 && _toClose.Count == 0))
        {
            return;
        }

        var opening = _toOpen.ToArray();
        _toOpen.Clear();
        ImmutableArray<CallId> closed = [.. _toClose];
        _toClose.Clear();
        _indexWriting = true;
        PersistAsync(new CallsIndexed([.. opening.Select(o => o.Arrival.CallId)], closed), _ =>
        {
            _indexWriting = false;
            foreach (var callId in closed)
            {
                _open.Remove(callId);
                _closing.Remove(callId);
                _interrupted.Remove(callId);
            }

            foreach (var (arrival, sender) in opening)
            {
                Opened(arrival, sender);
            }

            SnapshotIfDue();
            WriteIndex();
        });
    }

    private void Opened(CallCommands.Receive arrival, IActorRef sender)
    {
        _open.Add(arrival.CallId);
        var child = Start(arrival.CallId, CallStart.New);
        child.Tell(arrival, sender);
        if (_opening.Remove(arrival.CallId, out var early))
        {
            foreach (var (message, from) in early)
            {
                child.Tell(message, from);
            }
        }
    }

    // A live call answers for itself. A closed one (or one this node never opened: the asker's journal got ahead of it)
    // is recovered read-only just to answer; dropping the check would leave the asker holding the call for good.
    private void Check(CallChecks.ICallCheck check)
    {
        if (_opening.TryGetValue(check.CallId, out var waiting))
        {
            waiting.Add((check, Sender));
        }
        else if (_open.Contains(check.CallId) && !_closing.Contains(check.CallId) && _children.TryGetValue(check.CallId, out var child))
        {
            child.Forward(check);
        }
        else
        {
            Context.ActorOf(_callProps(check.CallId, CallStart.Inspect), $"inspect-{++_inspections}").Forward(check);
        }
    }

    private void Finished(CallFinished f)
    {
        if (_children.TryGetValue(f.CallId, out var child))
        {
            Context.Stop(child);
        }

        if (_open.Contains(f.CallId) && _closing.Add(f.CallId))
        {
            _toClose.Add(f.CallId);
            WriteIndex();
        }
    }

    private void Stopped(Terminated t)
    {
        if (!_childIds.Remove(t.ActorRef, out var callId))
        {
            return;
        }

        _children.Remove(callId);

        // Still open: the call stopped without finishing. Close it out once; if that fails too, the next start will.
        if (_open.Contains(callId) && !_closing.Contains(callId) && _interrupted.Add(callId))
        {
            Log.Warning("Call {CallId} stopped while open; closing it out as interrupted", callId);
            Start(callId, CallStart.Interrupt);
        }
    }

    private IActorRef Start(CallId callId, CallStart start)
    {
        var child = Context.ActorOf(_callProps(callId, start), EntityNames.For(callId.Value));
        Context.Watch(child);
        _children[callId] = child;
        _childIds[child] = callId;
        return child;
    }

    private void SnapshotIfDue()
    {
        if (SnapshotPolicy.IsDue(LastSequenceNr))
        {
            SaveSnapshot(new OpenCalls([.. _open.Order()]));
        }
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Log.Error(cause, "Journal rejected {Event} of {PersistenceId}; stopping", @event.GetType().Name, PersistenceId);
        Context.Stop(Self);
    }
}
