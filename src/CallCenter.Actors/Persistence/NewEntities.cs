using System.Collections.Concurrent;
using Akka.Actor;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// Persistence ids of entities this node has just created and that were never written, such as a call the node has
/// just opened under a new id: the journal answers their recovery with "nothing stored" without a query.
/// </summary>
/// <remarks>
/// A new call's recovery query was a sixth of the CPU of a busy SQLite node. An id is taken out when its recovery asks
/// for it, and again by the entity once recovered, so an id whose journal does not look here is not kept.
/// Were an id ever claimed new wrongly, its first write would hit the journal's unique (persistence id, sequence
/// number) key and fail that entity alone (see <see cref="GroupCommitSqlWriteJournal"/>): nothing is overwritten.
/// </remarks>
public sealed class NewEntities : IExtension
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public static NewEntities Get(ActorSystem system) => system.WithExtension<NewEntities, NewEntitiesProvider>();

    public void Add(string persistenceId) => _ids[persistenceId] = 0;

    public bool TryTake(string persistenceId) => _ids.TryRemove(persistenceId, out _);

    /// <summary>A journal's answer to "highest sequence number from <paramref name="fromSequenceNr"/>": true when it is
    /// 0 without looking, because the entity is new and recovers from the start.</summary>
    public bool TryTakeUnwritten(string persistenceId, long fromSequenceNr) => fromSequenceNr == 0 && TryTake(persistenceId);

    public int Count => _ids.Count;
}

/// <summary>Creates the node's <see cref="NewEntities"/>.</summary>
public sealed class NewEntitiesProvider : ExtensionIdProvider<NewEntities>
{
    public override NewEntities CreateExtension(ExtendedActorSystem system) => new();
}
