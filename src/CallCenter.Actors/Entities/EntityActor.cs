using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CallCenter.Domain;

namespace CallCenter.Actors.Entities;

/// <summary>An event-sourced entity carrying out one domain state: decide, persist, apply, act, reply.</summary>
/// <remarks>
/// A journal failure or rejection stops the entity: its events may or may not be stored, so it must not go on from
/// memory. Its parent (or shard region) starts it again, recovered from the journal, on the next message for it.
/// Recovery only applies events; timers and announcements start in <see cref="OnRecovered"/>.
/// </remarks>
public abstract class EntityActor<TState, TCommand, TEvent> : ReceivePersistentActor, IWithTimers
    where TState : class
    where TCommand : class
    where TEvent : class
{
    protected EntityActor(string persistenceId, TState initial, TimeProvider clock)
    {
        PersistenceId = persistenceId;
        State = initial;
        Clock = clock;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is TState snapshot)
            {
                State = snapshot;
            }
        });
        Recover<TEvent>(e => State = Apply(State, e));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "Snapshot of {PersistenceId} at {SequenceNr} failed", PersistenceId, f.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => Log.Warning(f.Cause, "Deleting old snapshots of {PersistenceId} failed", PersistenceId));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    protected TState State { get; private set; }

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
    /// <param name="then">The side effects, run once with the state before and the events, right after the last event is
    /// applied: no other command can come between the state change and its effects.</param>
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
        var (result, events) = Decide(State, command, Now);
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

        if (events.IsEmpty)
        {
            Reply(replyTo, reply is null ? result : reply(result));
            return result;
        }

        var before = State;
        var remaining = events.Length;
        PersistAll(events, e =>
        {
            State = Apply(State, e);
            OnPersisted(e);
            if (SnapshotPolicy.IsDue(LastSequenceNr))
            {
                SaveSnapshot(State);
            }

            if (--remaining == 0)
            {
                then?.Invoke(before, events);
            }
        });
        DeferAsync(result, r => Reply(replyTo, reply is null ? r : reply(r)));
        return result;
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
}
