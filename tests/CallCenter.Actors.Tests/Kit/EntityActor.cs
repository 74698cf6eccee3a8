using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using CallCenter.Domain;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Messages of <see cref="EntityActor{TState,TCommand,TEvent}"/>.</summary>
public static class Entity
{
    /// <summary>Decide <paramref name="Command"/> at <paramref name="Now"/>, persist the events, reply <see cref="Executed"/>.</summary>
    public sealed record Execute(object Command, DateTimeOffset Now);

    public sealed record Executed(CommandResult Result, long LastSequenceNr);

    public sealed record GetView
    {
        public static GetView Instance { get; } = new();
    }

    /// <summary>The state, and how recovery built it (from which snapshot, replaying how many events).</summary>
    public sealed record View(object State, long LastSequenceNr, long? SnapshotSequenceNr, int ReplayedEvents);

    public sealed record TakeSnapshot
    {
        public static TakeSnapshot Instance { get; } = new();
    }

    public sealed record SnapshotTaken(long SequenceNr);
}

/// <summary>
/// A minimal event-sourced actor over a domain state (decide, persist, apply; snapshot on request), standing in for the
/// real entity actors so persistence can be tested with real domain events and states.
/// </summary>
public sealed class EntityActor<TState, TCommand, TEvent> : ReceivePersistentActor
    where TState : class
    where TEvent : class
{
    private readonly Func<TState, TCommand, DateTimeOffset, (CommandResult Result, ImmutableArray<TEvent> Events)> _decide;
    private readonly Func<TState, TEvent, TState> _apply;
    private TState _state;
    private long? _snapshotSequenceNr;
    private int _replayed;
    private IActorRef _snapshotRequester = ActorRefs.Nobody;

    public EntityActor(
        string persistenceId,
        TState initial,
        Func<TState, TCommand, DateTimeOffset, (CommandResult Result, ImmutableArray<TEvent> Events)> decide,
        Func<TState, TEvent, TState> apply)
    {
        PersistenceId = persistenceId;
        _state = initial;
        _decide = decide;
        _apply = apply;

        Recover<SnapshotOffer>(offer =>
        {
            _state = (TState)offer.Snapshot;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<TEvent>(e =>
        {
            _state = _apply(_state, e);
            _replayed++;
        });

        Command<Entity.Execute>(Execute);
        Command<Entity.GetView>(_ => Sender.Tell(new Entity.View(_state, LastSequenceNr, _snapshotSequenceNr, _replayed)));
        Command<Entity.TakeSnapshot>(_ =>
        {
            _snapshotRequester = Sender;
            SaveSnapshot(_state);
        });
        Command<SaveSnapshotSuccess>(success => _snapshotRequester.Tell(new Entity.SnapshotTaken(success.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(failure => _snapshotRequester.Tell(new Status.Failure(failure.Cause)));
    }

    public override string PersistenceId { get; }

    private void Execute(Entity.Execute execute)
    {
        var (result, events) = _decide(_state, (TCommand)execute.Command, execute.Now);
        var replyTo = Sender;
        if (events.IsEmpty)
        {
            replyTo.Tell(new Entity.Executed(result, LastSequenceNr));
            return;
        }

        PersistAll(events, e => _state = _apply(_state, e));
        DeferAsync(result, r => replyTo.Tell(new Entity.Executed(r, LastSequenceNr)));
    }
}
