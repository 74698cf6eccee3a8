using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// An in-memory journal that answers the journal protocol itself, for benchmarks and specs of the actor core: events
/// are kept per persistence id in plain lists and every request is answered before the next is read.
/// </summary>
/// <remarks>
/// Akka's <see cref="MemoryJournal"/> goes through <see cref="AsyncWriteJournal"/>: a circuit breaker, a task and its
/// continuations and a resequencer actor for every write, and immutable collections for storage. In a profile of the
/// in-memory benchmark that was a quarter of the node's CPU, and the journal actor, being one, was the bottleneck
/// of every entity. Here nothing is asynchronous, so replies are in order without a resequencer. Event adapters (the
/// tagger) apply as in any journal. Not served: the in-memory read journal's queries (events by tag, persistence ids):
/// the call-record projection is specified on SQLite. Events are kept without their envelopes (see
/// <see cref="StoredEvent"/>). A write whose sequence numbers are not above the entity's highest
/// fails that entity alone, as the SQLite journal's unique key does.
/// </remarks>
public class ThroughputMemoryJournal : WriteJournalBase
{
    /// <summary>Where <see cref="Hocon"/> puts the plugin.</summary>
    public const string PluginId = "akka.persistence.journal.throughput-inmem";

    private readonly Dictionary<string, EventStream> _streams = new(StringComparer.Ordinal);

    /// <summary>Makes this journal the default one.</summary>
    public static string Hocon(Type journalType) => $$"""
        akka.persistence.journal.plugin = "{{PluginId}}"
        {{PluginId}}.class = "{{journalType.AssemblyQualifiedName}}"
        """;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WriteMessages write:
                Write(write);
                return true;
            case ReplayMessages replay:
                Replay(replay);
                return true;
            case DeleteMessagesTo delete:
                Delete(delete);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Called for every event stored, in order; the benchmark counts rows with it.</summary>
    protected virtual void OnStored(IPersistentRepresentation stored)
    {
    }

    private void Write(WriteMessages write)
    {
        Exception? failure = null;
        List<AtomicWrite> prepared;
        try
        {
            prepared = [.. PreparePersistentBatch(write.Messages)];
            failure = CheckSequence(prepared);
        }
        catch (Exception e)
        {
            // An adapter that throws rejects the write: nothing was stored and the entity goes on.
            Answer(write, (p, id) => new WriteMessageRejected(p, e, id));
            return;
        }

        if (failure is not null)
        {
            write.PersistentActor.Tell(new WriteMessagesFailed(failure, write.Messages.Count(m => m is AtomicWrite)), Self);
            Answer(write, (p, id) => new WriteMessageFailure(p, failure, id));
            return;
        }

        foreach (var atomic in prepared)
        {
            var stream = StreamOf(atomic.PersistenceId);
            var events = Events(atomic);
            for (var i = 0; i < events.Count; i++)
            {
                stream.Append(new StoredEvent(events[i]));
                OnStored(events[i]);
            }
        }

        write.PersistentActor.Tell(WriteMessagesSuccessful.Instance, Self);
        Answer(write, (p, id) => new WriteMessageSuccess(p, id));
    }

    private Exception? CheckSequence(List<AtomicWrite> prepared)
    {
        foreach (var atomic in prepared)
        {
            var highest = _streams.TryGetValue(atomic.PersistenceId, out var stream) ? stream.Highest : 0;
            if (atomic.LowestSequenceNr <= highest)
            {
                return new InvalidOperationException(
                    $"{atomic.PersistenceId}: sequence number {atomic.LowestSequenceNr} is already stored (highest {highest}).");
            }
        }

        return null;
    }

    private static void Answer(WriteMessages write, Func<IPersistentRepresentation, int, object> answer)
    {
        var envelopes = write.Messages as IReadOnlyList<IPersistentEnvelope> ?? [.. write.Messages];
        for (var e = 0; e < envelopes.Count; e++)
        {
            var envelope = envelopes[e];
            if (envelope is AtomicWrite atomic)
            {
                var events = Events(atomic);
                for (var i = 0; i < events.Count; i++)
                {
                    write.PersistentActor.Tell(answer(events[i], write.ActorInstanceId), events[i].Sender);
                }
            }
            else
            {
                write.PersistentActor.Tell(new LoopMessageSuccess(envelope.Payload, write.ActorInstanceId), envelope.Sender);
            }
        }
    }

    // By index: a foreach over the payload as IEnumerable boxed the immutable list's enumerator, ~2 KB per call in the
    // in-memory benchmark (allocation sampling, session 7). A write holds one event or a few.
    private static IReadOnlyList<IPersistentRepresentation> Events(AtomicWrite atomic) =>
        (IReadOnlyList<IPersistentRepresentation>)atomic.Payload;

    private void Replay(ReplayMessages replay)
    {
        if (!_streams.TryGetValue(replay.PersistenceId, out var stream))
        {
            replay.PersistentActor.Tell(new RecoverySuccess(0), Self);
            return;
        }

        var to = Math.Min(replay.ToSequenceNr, stream.Highest);
        long sent = 0;
        foreach (var stored in stream.Events)
        {
            if (sent >= replay.Max || stored.SequenceNr > to)
            {
                break;
            }

            if (stored.SequenceNr >= replay.FromSequenceNr)
            {
                foreach (var adapted in AdaptFromJournal(stored.ToPersistent(replay.PersistenceId)))
                {
                    replay.PersistentActor.Tell(new ReplayedMessage(adapted), ActorRefs.NoSender);
                }

                sent++;
            }
        }

        replay.PersistentActor.Tell(new RecoverySuccess(stream.Highest), Self);
    }

    private void Delete(DeleteMessagesTo delete)
    {
        if (_streams.TryGetValue(delete.PersistenceId, out var stream))
        {
            stream.DeleteTo(delete.ToSequenceNr);
        }

        delete.PersistentActor.Tell(new DeleteMessagesSuccess(delete.ToSequenceNr), Self);
    }

    private EventStream StreamOf(string persistenceId)
    {
        if (!_streams.TryGetValue(persistenceId, out var stream))
        {
            stream = new EventStream();
            _streams.Add(persistenceId, stream);
        }

        return stream;
    }

    /// <summary>
    /// One stored event without its envelope: a journal keeps every event of the process, and the envelope (persistence
    /// id, sender and all) was as many objects again for the garbage collector to walk. Tags are not kept: like the
    /// SQL journal, replay gives the event itself.
    /// </summary>
    private readonly record struct StoredEvent(object Payload, long SequenceNr, string Manifest, string WriterGuid, long Timestamp)
    {
        public StoredEvent(IPersistentRepresentation stored)
            : this(stored.Payload is Tagged tagged ? tagged.Payload : stored.Payload, stored.SequenceNr, stored.Manifest, stored.WriterGuid, stored.Timestamp)
        {
        }

        public Persistent ToPersistent(string persistenceId) =>
            new(Payload, SequenceNr, persistenceId, Manifest, false, ActorRefs.NoSender, WriterGuid, Timestamp);
    }

    /// <summary>One entity's events in sequence order; the highest sequence number outlives deletion.</summary>
    private sealed class EventStream
    {
        public List<StoredEvent> Events { get; } = [];

        public long Highest { get; private set; }

        public void Append(StoredEvent stored)
        {
            Events.Add(stored);
            Highest = stored.SequenceNr;
        }

        public void DeleteTo(long toSequenceNr)
        {
            var count = 0;
            while (count < Events.Count && Events[count].SequenceNr <= toSequenceNr)
            {
                count++;
            }

            Events.RemoveRange(0, count);
        }
    }
}
