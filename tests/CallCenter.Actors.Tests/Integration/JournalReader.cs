using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Projections;
using CallCenter.Domain;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>Reads what the journal holds (the truth the projection must match) through the node's own read journal.</summary>
internal sealed class JournalReader(ActorSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly IReadJournal _journal = PersistenceQuery.Get(system).ReadJournalFor<IReadJournal>(CallCenterPersistenceConfig.ReadJournalPath);

    /// <summary>The events of one call, in order.</summary>
    public async Task<IReadOnlyList<ICallEvent>> EventsOf(CallId call)
    {
        var query = (ICurrentEventsByPersistenceIdQuery)_journal;
        var envelopes = await Run(query.CurrentEventsByPersistenceId($"call-{call.Value}", 0, long.MaxValue));
        return [.. envelopes.Select(e => (ICallEvent)e.Event)];
    }

    /// <summary>Every event tagged "call" so far, with its offset (the journal's global ordering).</summary>
    public async Task<IReadOnlyList<ProjectedCallEvent>> CallEvents()
    {
        var query = (ICurrentEventsByTagQuery)_journal;
        var envelopes = await Run(query.CurrentEventsByTag(EventTags.Call, Offset.NoOffset()));
        return [.. envelopes.Select(e => new ProjectedCallEvent(((Sequence)e.Offset).Value, (ICallEvent)e.Event))];
    }

    /// <summary>The record the projection must hold for <paramref name="call"/>: its journal events folded once each.</summary>
    public async Task<CallRecord> ExpectedRecord(CallId call) =>
        (await EventsOf(call)).Aggregate(new CallRecord(call), (record, e) => record.Apply(e));

    private async Task<IReadOnlyList<EventEnvelope>> Run<TMat>(Source<EventEnvelope, TMat> source)
    {
        using var deadline = new CancellationTokenSource(Patience);
        return await source.RunWith(Sink.Seq<EventEnvelope>(), system.Materializer()).WaitAsync(deadline.Token);
    }
}
