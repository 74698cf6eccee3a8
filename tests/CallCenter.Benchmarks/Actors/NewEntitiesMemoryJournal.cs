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
    // Counted by type, named only when read: hashing each event's type name in a concurrent dictionary was 1.5 % of
    // the in-memory run's CPU (perf, session 7). The lock is uncontended but for the reads at the end of a phase.
    private static readonly Dictionary<Type, long> ByType = [];
    private static readonly Lock Counting = new();
    private static long _rows;

    /// <summary>Events written by every instance in this process so far.</summary>
    public static long Rows => Interlocked.Read(ref _rows);

    /// <summary>Events written so far by event type.</summary>
    public static IReadOnlyDictionary<string, long> RowsByType
    {
        get
        {
            lock (Counting)
            {
                return ByType.ToDictionary(pair => pair.Key.Name, pair => pair.Value, StringComparer.Ordinal);
            }
        }
    }

    protected override void OnStored(IPersistentRepresentation stored)
    {
        Interlocked.Increment(ref _rows);
        var type = (stored.Payload is Tagged tagged ? tagged.Payload : stored.Payload).GetType();
        lock (Counting)
        {
            ByType[type] = ByType.GetValueOrDefault(type) + 1;
        }
    }
}
