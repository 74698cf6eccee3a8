using Akka.Persistence.Journal;
using CallCenter.Actors.Persistence;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// Akka's in-memory journal, answering a new call's recovery without looking, as the node's SQLite journal does
/// (<see cref="GroupCommitSqlWriteJournal"/>): the in-memory figures then measure the same work per call.
/// </summary>
public sealed class NewEntitiesMemoryJournal : MemoryJournal
{
    private readonly NewEntities _newEntities = NewEntities.Get(Context.System);

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _newEntities.TryTakeUnwritten(persistenceId, fromSequenceNr)
            ? Task.FromResult(0L)
            : base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
}
