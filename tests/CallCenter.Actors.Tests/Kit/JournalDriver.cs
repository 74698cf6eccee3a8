using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using CallCenter.Actors.Persistence;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>
/// Speaks the journal protocol to a system's journal as entities do (one <see cref="WriteMessages"/> per write), and
/// reads back what was stored, so journal specs see the journal without an entity in between.
/// </summary>
public sealed class JournalDriver(ActorSystem system, Func<TestProbe> createProbe, TimeSpan patience)
{
    private int _instance;

    public IActorRef Journal => Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);

    public JournalWriteReply Send(string persistenceId, params long[] sequenceNrs)
    {
        var probe = createProbe();
        var events = sequenceNrs.Select(n => (IPersistentRepresentation)new Persistent($"{persistenceId}-{n}", n, persistenceId, string.Empty, false, probe.Ref));
        var write = new AtomicWrite(System.Collections.Immutable.ImmutableList.CreateRange(events));
        Journal.Tell(new WriteMessages([write], probe.Ref, Interlocked.Increment(ref _instance)));
        return new JournalWriteReply(probe, patience);
    }

    public async Task WriteAsync(string persistenceId, params long[] sequenceNrs) =>
        await Send(persistenceId, sequenceNrs).ExpectStoredAsync();

    public async Task<IReadOnlyList<EventEnvelope>> EventsOf(string persistenceId)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(CallCenterPersistenceConfig.ReadJournalPath);
        return await journal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
    }

    /// <summary>The rows of one transaction carry one timestamp: how many of the writers' rows each transaction stored.</summary>
    public async Task<IReadOnlyList<int>> TransactionSizes(IEnumerable<string> persistenceIds)
    {
        var stamps = new List<long>();
        foreach (var persistenceId in persistenceIds)
        {
            stamps.AddRange((await EventsOf(persistenceId)).Select(e => e.Timestamp));
        }

        return [.. stamps.GroupBy(stamp => stamp).OrderBy(g => g.Key).Select(g => g.Count())];
    }
}

/// <summary>The journal's answer to one <see cref="JournalDriver.Send"/>.</summary>
public sealed class JournalWriteReply(TestProbe probe, TimeSpan patience)
{
    public async Task ExpectStoredAsync()
    {
        await probe.FishForMessageAsync(m => m is WriteMessagesSuccessful or WriteMessagesFailed, patience);
        Assert.IsType<WriteMessagesSuccessful>(probe.LastMessage);
    }

    public async Task ExpectFailedAsync()
    {
        await probe.FishForMessageAsync(m => m is WriteMessagesSuccessful or WriteMessagesFailed, patience);
        Assert.IsType<WriteMessagesFailed>(probe.LastMessage);
    }
}
