using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CallCenter.Domain;

namespace CallCenter.Actors.Entities;

/// <summary>An event-sourced entity carrying out one domain state: decide, persist, apply, act, reply.</summary>
/// <remarks>
/// <para>A journal failure or rejection stops the entity: its events may or may not be stored, so it must not go on from
/// memory. Its parent (or shard region) starts it again, recovered from the journal, on the next message for it.
/// Recovery only applies events; timers and announcements start in <see cref="OnRecovered"/>.</para>
/// <para>Group commit: one write is in flight at a time, and commands arriving meanwhile are decided at once on the
/// state that includes every decided event, then written together as the next write. Nothing leaves the entity
/// before the events it depends on are stored: effects and replies run in decision order after their write, with
/// <see cref="State"/> as it was right after their command, and other sends that read the state go through
/// <see cref="AfterWrites"/>. A failed write stops the entity before any later write is sent, so the journal never
/// holds an event decided on one it lacks. With <c>Persist</c> every command waited for the previous write alone:
/// one journal round trip per command was the entity's ceiling.</para>
/// </remarks>
public abstract class EntityActor<TState, TCommand, TEvent> : ReceivePersistentActor, IWithTimers
    where TState : class
    where TCommand : class
    where TEvent : class
{
    // Decided, not yet sent to the journal (in order); and the batch being written.
    private readonly List<Decision> _queued = [];
    private Decision[]? _writing;

    // The latest decided state and its version (the sequence number its last event gets); the stored state (snapshots).
    private TState _decided;
    private long _decidedVersion;
    private TState _stored;

    // Set while a decision's effects run: State and Version are then as of that decision.
    private Decision? _view;

    protected EntityActor(string persistenceId, TState initial, TimeProvider clock)
    {
        PersistenceId = persistenceId;
        _decided = initial;
        _stored = initial;
        Clock = clock;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is TState snapshot)
            {
                _decided = snapshot;
            }
        });
        Recover<TEvent>(e => _decided = Apply(_decided, e));
        Recover<RecoveryCompleted>(_ =>
        {
            _stored = _decided;
            _decidedVersion = LastSequenceNr;
            OnRecovered();
        });

        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "Snapshot of {PersistenceId} at {SequenceNr} failed", PersistenceId, f.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => Log.Warning(f.Cause, "Deleting old snapshots of {PersistenceId} failed", PersistenceId));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The state every decision is made on (all decided events applied); inside effects, replies and
    /// <see cref="AfterWrites"/> actions, the state right after their own command.</summary>
    protected TState State => _view is { } view ? view.After : _decided;

    /// <summary>The journal sequence number of <see cref="State"/>'s last event: higher is newer.</summary>
    protected long Version => _view is { } view ? view.Version : _decidedVersion;

    /// <summary>The latest decided state, also inside effects (where <see cref="State"/> may be older).</summary>
    protected TState LatestState => _decided;

    /// <summary>True while decided events wait for the journal.</summary>
    protected bool IsWriting => _writing is not null || _queued.Count > 0;

    protected TimeProvider Clock { get; }

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected abstract (CommandResult Result, ImmutableArray<TEvent> Events) Decide(TState state, TCommand command, DateTimeOffset now);

    protected abstract TState Apply(TState state, TEvent e);

    /// <summary>Runs once the journal has been replayed: arm timers, announce, resume.</summary>
    protected virtual void OnRecovered()
    {
    }

    /// <summary>Runs after each event is stored and applied (never during recovery).</summary>
    protected virtual void OnPersisted(TEvent e)
    {
    }

    /// <summary>Decides <paramref name="command"/> and, when it yields events, persists and applies them.</summary>
    /// <param name="command">The domain command.</param>
    /// <param name="replyTo">Gets the result (or <paramref name="reply"/>'s message); nobody when not a real actor.</param>
    /// <param name="then">The side effects, run once with the state before and the events, after the events are stored
    /// and the effects of earlier commands have run; <see cref="State"/> is then as it was right after this command.</param>
    /// <param name="reply">Turns the result into the reply message, evaluated when replying (after the events).</param>
    /// <param name="rejectionLevel">Debug or Warning: refusals that are part of normal work (an agent declining an offer)
    /// are not warnings.</param>
    protected CommandResult Execute(
        TCommand command,
        IActorRef replyTo,
        Action<TState, ImmutableArray<TEvent>>? then = null,
        Func<CommandResult, object>? reply = null,
        LogLevel rejectionLevel = LogLevel.WarningLevel)
    {
        var (result, events) = Decide(_decided, command, Now);
        if (result.IsRejected)
        {
            if (rejectionLevel == LogLevel.DebugLevel)
            {
                Log.Debug("{PersistenceId} rejected {Command}: {Reason}", PersistenceId, command.GetType().Name, result.Reason);
            }
            else
            {
                Log.Warning("{PersistenceId} rejected {Command}: {Reason}", PersistenceId, command.GetType().Name, result.Reason);
            }
        }

        var before = _decided;
        foreach (var e in events)
        {
            _decided = Apply(_decided, e);
        }

        _decidedVersion += events.Length;
        Enqueue(new Decision(before, _decided, _decidedVersion, events, then, null, replyTo, result, reply));
        return result;
    }

    /// <summary>Runs <paramref name="action"/> once every event decided so far is stored (at once when none waits, or
    /// when called from an effect): for sends that read the state outside <see cref="Execute"/>.</summary>
    protected void AfterWrites(Action action)
    {
        if (_view is not null || !IsWriting)
        {
            action();
            return;
        }

        _queued.Add(new Decision(_decided, _decided, _decidedVersion, [], null, action, ActorRefs.Nobody, CommandResult.NoOp, null));
    }

    private void Enqueue(Decision decision)
    {
        if (IsWriting)
        {
            _queued.Add(decision);
        }
        else if (decision.Events.IsEmpty)
        {
            Complete(decision);
        }
        else
        {
            _queued.Add(decision);
            WriteQueued();
        }
    }

    // Decisions without events at the front need no write; the rest (up to the end) become one write.
    private void WriteQueued()
    {
        // Loops, not LINQ: this runs for every write of every entity, in shared generic code where each lambda and
        // iterator also costs runtime type lookups.
        var first = 0;
        while (first < _queued.Count && _queued[first].Events.IsEmpty)
        {
            first++;
        }

        var ready = _queued.GetRange(0, first).ToArray();
        var batch = _queued.GetRange(first, _queued.Count - first).ToArray();
        _queued.Clear();

        // The write goes first, so whatever the ready ones decide waits behind it.
        if (batch.Length > 0)
        {
            Write(batch);
        }

        foreach (var decision in ready)
        {
            Complete(decision);
        }
    }

    private void Write(Decision[] batch)
    {
        _writing = batch;
        var count = 0;
        foreach (var decision in batch)
        {
            count += decision.Events.Length;
        }

        var events = new TEvent[count];
        var next = 0;
        foreach (var decision in batch)
        {
            decision.Events.CopyTo(events, next);
            next += decision.Events.Length;
        }

        var remaining = events.Length;
        PersistAllAsync(events, e =>
        {
            _stored = Apply(_stored, e);
            OnPersisted(e);
            if (SnapshotPolicy.IsDue(LastSequenceNr))
            {
                SaveSnapshot(_stored);
            }

            if (--remaining == 0)
            {
                _writing = null;
                foreach (var decision in batch)
                {
                    Complete(decision);
                }

                if (_writing is null && _queued.Count > 0)
                {
                    WriteQueued();
                }
            }
        });
    }

    private void Complete(Decision decision)
    {
        _view = decision;
        try
        {
            if (!decision.Events.IsEmpty)
            {
                decision.Then?.Invoke(decision.Before, decision.Events);
            }

            decision.Action?.Invoke();
            Reply(decision.ReplyTo, decision.Reply is null ? decision.Result : decision.Reply(decision.Result));
        }
        finally
        {
            _view = null;
        }
    }

    protected static void Reply(IActorRef replyTo, object message)
    {
        if (!replyTo.IsNobody())
        {
            replyTo.Tell(message);
        }
    }

    protected static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Log.Error(cause, "Journal write failed for {PersistenceId} at {SequenceNr} ({Event}); stopping", PersistenceId, sequenceNr, @event.GetType().Name);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Log.Error(cause, "Journal rejected {Event} of {PersistenceId} at {SequenceNr}; stopping", @event.GetType().Name, PersistenceId, sequenceNr);
        Context.Stop(Self);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Log.Error(reason, "Recovery of {PersistenceId} failed; stopping", PersistenceId);
    }

    private sealed record Decision(
        TState Before,
        TState After,
        long Version,
        ImmutableArray<TEvent> Events,
        Action<TState, ImmutableArray<TEvent>>? Then,
        Action? Action,
        IActorRef ReplyTo,
        CommandResult Result,
        Func<CommandResult, object>? Reply);
}
