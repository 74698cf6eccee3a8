using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using CallCenter.Actors.Tests.Kit;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>
/// Writes events straight into a <see cref="TempDatabase"/>'s journal from a process of its own, as if entities had
/// written them and the process had died before sending anything: the exact state a crash between a write and its
/// send leaves, set up without racing a live node.
/// </summary>
internal static class JournalWriter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task WriteAsync(TempDatabase database, IReadOnlyDictionary<string, object[]> eventsByPersistenceId)
    {
        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(database.Config);
        using var system = ActorSystem.Create("journal-writer", config);
        foreach (var (persistenceId, events) in eventsByPersistenceId)
        {
            var writer = system.ActorOf(Props.Create(() => new Writer(persistenceId, events)));
            await writer.Ask<Written>(Write.Instance, Patience);
        }

        await system.Terminate();
    }

    private sealed record Write
    {
        public static Write Instance { get; } = new();
    }

    private sealed record Written;

    private sealed class Writer : ReceivePersistentActor
    {
        public Writer(string persistenceId, object[] events)
        {
            PersistenceId = persistenceId;
            Command<Write>(_ =>
            {
                var replyTo = Sender;
                PersistAll(events, _ => { });
                DeferAsync(events, _ => replyTo.Tell(new Written()));
            });
        }

        public override string PersistenceId { get; }
    }
}
