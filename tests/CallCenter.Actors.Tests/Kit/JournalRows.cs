using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Counts what the journal holds for one persistence id, by recovering it in an actor that only listens.</summary>
internal static class JournalRows
{
    public static async Task<long> Of(TestKitBase kit, string persistenceId)
    {
        var probe = kit.CreateTestProbe();
        kit.Sys.ActorOf(Akka.Actor.Props.Create(() => new Reader(persistenceId, probe.Ref)));
        return await probe.ExpectMsgAsync<long>();
    }

    // The rows themselves are not needed, only how many there are: each one has its own sequence number.
    private sealed class Reader : ReceivePersistentActor
    {
        public Reader(string persistenceId, IActorRef replyTo)
        {
            PersistenceId = persistenceId;
            Recover<RecoveryCompleted>(_ =>
            {
                replyTo.Tell(LastSequenceNr);
                Context.Stop(Self);
            });
            RecoverAny(_ => { });
        }

        public override string PersistenceId { get; }

        public override Recovery Recovery => new(SnapshotSelectionCriteria.None);
    }
}
