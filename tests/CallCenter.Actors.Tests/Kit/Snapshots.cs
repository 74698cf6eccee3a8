using Akka.Persistence;
using Akka.TestKit;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>What the snapshot store holds for one persistence id.</summary>
internal sealed class Snapshots
{
    private readonly TestKitBase _kit;
    private readonly string _persistenceId;

    private Snapshots(TestKitBase kit, string persistenceId, long? latest)
    {
        _kit = kit;
        _persistenceId = persistenceId;
        Latest = latest;
    }

    public long? Latest { get; }

    public static async Task<Snapshots> Of(TestKitBase kit, string persistenceId) =>
        new(kit, persistenceId, await Load(kit, persistenceId, long.MaxValue));

    /// <summary>The newest snapshot sequence number below <paramref name="sequenceNr"/>, or null when none is kept.</summary>
    public Task<long?> Before(long sequenceNr) => Load(_kit, _persistenceId, sequenceNr - 1);

    private static async Task<long?> Load(TestKitBase kit, string persistenceId, long maxSequenceNr)
    {
        var probe = kit.CreateTestProbe();
        var store = Akka.Persistence.Persistence.Instance.Apply(kit.Sys).SnapshotStoreFor(null);
        store.Tell(new LoadSnapshot(persistenceId, new SnapshotSelectionCriteria(maxSequenceNr), long.MaxValue), probe.Ref);
        var result = await probe.ExpectMsgAsync<LoadSnapshotResult>();
        return result.Snapshot?.Metadata.SequenceNr;
    }
}
