using System.Collections.Concurrent;
using Akka.Persistence;
using Akka.Persistence.Journal;
using CallCenter.Actors.Persistence;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// The node's in-memory journal (<see cref="ThroughputMemoryJournal"/>), counting the rows (events) written, which
/// the SQLite runs count in the database.
/// </summary>
public sealed class NewEntitiesMemoryJournal : ThroughputMemoryJournal
{
    private static readonly ConcurrentDictionary<string, long> ByType = new(StringComparer.Ordinal);
    private static long _rows;

    /// <summary>Events written by every instance in this process so far.</summary>
    public static long Rows => Interlocked.Read(ref _rows);

    /// <summary>Events written so far by event type.</summary>
    public static IReadOnlyDictionary<string, long> RowsByType => ByType.ToDictionary(StringComparer.Ordinal);

    protected override void OnStored(IPersistentRepresentation stored)
    {
        Interlocked.Increment(ref _rows);
        var payload = stored.Payload is Tagged tagged ? tagged.Payload : stored.Payload;
        ByType.AddOrUpdate(payload.GetType().Name, 1, (_, n) => n + 1);
    }
}
