using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Domain;

namespace CallCenter.Actors.Projections;

/// <summary>
/// Owns the stream that follows the journal's "call" tag into <see cref="ICallRecordStore"/>. Each (re)start of the stream
/// reads the stored offset first, so a failure anywhere (query, database) restarts with backoff from the last committed
/// batch. Every committed batch is published on the EventStream as <see cref="CallRecordsProjected"/>.
/// </summary>
public sealed class CallRecordProjection : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ICallRecordStore _store;
    private readonly CallRecordProjectionSettings _settings;

    public CallRecordProjection(ICallRecordStore store, CallRecordProjectionSettings settings)
    {
        _store = store;
        _settings = settings;

        Receive<CallRecordsProjected>(batch =>
        {
            _log.Debug("Projected call events {FromOffset}..{ToOffset}: {Applied} applied, {Skipped} skipped",
                batch.FromOffset, batch.ToOffset, batch.Applied, batch.Skipped);
            Context.System.EventStream.Publish(batch);
        });

        // The restart source only ends when the materializer (this actor) stops or the read journal shuts down.
        Receive<StreamEnded>(_ =>
        {
            _log.Warning("Call-record projection stream ended; stopping");
            Context.Stop(Self);
        });

        Receive<StreamFailed>(failed => throw new InvalidOperationException("call-record projection stream failed", failed.Cause));
    }

    public static Props Props(ICallRecordStore store, CallRecordProjectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        settings ??= CallRecordProjectionSettings.Default;
        ValidatedActorHosting.ThrowIfInvalid(settings, "call-record projection");

        return Akka.Actor.Props.Create(() => new CallRecordProjection(store, settings));
    }

    protected override void PreStart()
    {
        var query = PersistenceQuery.Get(Context.System);
        var restart = RestartSettings.Create(_settings.MinBackoff, _settings.MaxBackoff, randomFactor: 0.2);

        RestartSource
            .OnFailuresWithBackoff(() => Run(query), restart)
            .RunWith(Sink.ActorRef<CallRecordsProjected>(Self, StreamEnded.Instance, e => new StreamFailed(e)), Context.Materializer());
    }

    // One attempt: get the read journal, read the committed offset, then follow the tag from there, writing batches as they fill.
    private Source<CallRecordsProjected, NotUsed> Run(PersistenceQuery query) =>
        Source.FromTask(StartAsync(query))
            .ConcatMany(start => start.Journal.EventsByTag(EventTags.Call, Offset.Sequence(start.Offset)))
            .GroupedWithin(_settings.BatchSize, _settings.BatchWindow)
            .SelectAsync(1, WriteAsync)
            .Log("call-record-projection", log: _log)
            .WithAttributes(Attributes.CreateLogLevels(LogLevel.DebugLevel, LogLevel.InfoLevel, LogLevel.WarningLevel));

    private async Task<(IEventsByTagQuery Journal, long Offset)> StartAsync(PersistenceQuery query)
    {
        // The SQL read journal's constructor blocks until the journal's tables are initialised and throws after 5 s. With
        // nodes starting together on a busy PostgreSQL that happened, and thrown in PreStart it stopped the projection
        // for good: that node never projected again. Here it is one failed attempt, retried with backoff, off the actor's thread.
        var journal = await Task.Run(() => query.ReadJournalFor<IEventsByTagQuery>(_settings.ReadJournalPluginId));
        await _store.EnsureCreatedAsync();
        return (journal, await _store.ReadOffsetAsync());
    }

    private Task<CallRecordsProjected> WriteAsync(IEnumerable<EventEnvelope> batch)
    {
        var envelopes = batch.ToList();
        var events = new List<ProjectedCallEvent>(envelopes.Count);
        var through = 0L;
        foreach (var envelope in envelopes)
        {
            var offset = envelope.Offset is Sequence s
                ? s.Value
                : throw new InvalidOperationException($"the read journal returned a {envelope.Offset.GetType().Name} offset; the projection needs Sequence");
            through = Math.Max(through, offset);

            // The "call" tag only marks call events (EventTagger); anything else is passed over but its offset still counts.
            if (envelope.Event is ICallEvent e)
            {
                events.Add(new ProjectedCallEvent(offset, e));
            }
        }

        return _store.ApplyAsync(events, through);
    }

    // Both can arrive after the actor stopped (the materializer tears the sink down with it): not worth a dead letter.
    private sealed record StreamEnded : IDeadLetterSuppression
    {
        public static StreamEnded Instance { get; } = new();
    }

    private sealed record StreamFailed(Exception Cause) : IDeadLetterSuppression;
}
