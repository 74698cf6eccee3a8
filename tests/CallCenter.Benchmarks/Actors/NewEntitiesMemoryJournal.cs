using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Persistence;
using Akka.Persistence.Journal;
using CallCenter.Actors.Persistence;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// Akka's in-memory journal, answering a new call's recovery without looking, as the node's SQLite journal does
/// (<see cref="GroupCommitSqlWriteJournal"/>): the in-memory figures then measure the same work per call. It counts
/// the rows (events) written, which the SQLite runs count in the database.
/// </summary>
public sealed class NewEntitiesMemoryJournal : MemoryJournal
{
    private static readonly ConcurrentDictionary<string, long> ByType = new(StringComparer.Ordinal);
    private static long _rows;

    private readonly NewEntities _newEntities = NewEntities.Get(Context.System);

    /// <summary>Events written by every instance in this process so far.</summary>
    public static long Rows => Interlocked.Read(ref _rows);

    /// <summary>Events written so far by event type.</summary>
    public static IReadOnlyDictionary<string, long> RowsByType => ByType.ToDictionary(StringComparer.Ordinal);

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages as IReadOnlyCollection<AtomicWrite> ?? [.. messages];
        foreach (var row in writes.SelectMany(w => (IImmutableList<IPersistentRepresentation>)w.Payload))
        {
            Interlocked.Increment(ref _rows);
            var payload = row.Payload is Tagged tagged ? tagged.Payload : row.Payload;
            ByType.AddOrUpdate(payload.GetType().Name, 1, (_, n) => n + 1);
        }

        return base.WriteMessagesAsync(writes, cancellationToken);
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _newEntities.TryTakeUnwritten(persistenceId, fromSequenceNr)
            ? Task.FromResult(0L)
            : base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
}
