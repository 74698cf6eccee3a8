using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using CallCenter.Actors.Tests.Kit;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>
/// The in-memory journal of the specs and the benchmark, spoken to with the journal protocol: writes, replays, the
/// highest sequence number, deletes and a persistent actor's round trip.
/// </summary>
public sealed class ThroughputMemoryJournalSpec(ITestOutputHelper output) : ActorSpec(output)
{
    private int _instance;

    private IActorRef Journal => Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);

    [Fact]
    public async Task A_write_should_be_answered_successful_then_each_event_in_order_to_its_sender()
    {
        var writer = CreateTestProbe();
        var sender = CreateTestProbe();

        Journal.Tell(new WriteMessages([Atomic("a", sender.Ref, 1, 2), Atomic("a", sender.Ref, 3)], writer.Ref, 7));

        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
        foreach (var sequenceNr in new long[] { 1, 2, 3 })
        {
            var success = await writer.ExpectMsgAsync<WriteMessageSuccess>();
            Assert.Equal(sequenceNr, success.Persistent.SequenceNr);
            Assert.Equal(7, success.ActorInstanceId);
            Assert.Equal(sender.Ref, writer.LastSender);
        }
    }

    [Fact]
    public async Task A_replay_should_send_the_events_in_range_up_to_max_then_the_highest_sequence_number()
    {
        await WriteAsync("b", 1, 2, 3, 4, 5);

        Assert.Equal(new[] { 2L, 3L }, await ReplayAsync("b", from: 2, to: 4, max: 2, expectedHighest: 5));
        Assert.Equal(new[] { 4L, 5L }, await ReplayAsync("b", from: 4, to: long.MaxValue, max: long.MaxValue, expectedHighest: 5));
    }

    [Fact]
    public async Task An_entity_never_written_should_recover_empty_at_zero()
    {
        await WriteAsync("other", 1);

        Assert.Empty(await ReplayAsync("never", from: 1, to: long.MaxValue, max: long.MaxValue, expectedHighest: 0));
    }

    [Fact]
    public async Task Deleted_events_should_not_be_replayed_but_the_highest_sequence_number_should_stay()
    {
        await WriteAsync("c", 1, 2, 3);
        var deleter = CreateTestProbe();

        Journal.Tell(new DeleteMessagesTo("c", 3, deleter.Ref));

        Assert.Equal(3, (await deleter.ExpectMsgAsync<DeleteMessagesSuccess>()).ToSequenceNr);
        Assert.Empty(await ReplayAsync("c", from: 1, to: long.MaxValue, max: long.MaxValue, expectedHighest: 3));
    }

    [Fact]
    public async Task A_sequence_number_already_stored_should_fail_that_write_and_store_nothing_of_it()
    {
        await WriteAsync("d", 1, 2);
        var writer = CreateTestProbe();

        Journal.Tell(new WriteMessages([Atomic("d", writer.Ref, 2, 3)], writer.Ref, 1));

        await writer.ExpectMsgAsync<WriteMessagesFailed>();
        await writer.ExpectMsgAsync<WriteMessageFailure>();
        await writer.ExpectMsgAsync<WriteMessageFailure>();
        Assert.Equal(new[] { 1L, 2L }, await ReplayAsync("d", from: 1, to: long.MaxValue, max: long.MaxValue, expectedHighest: 2));
    }

    [Fact]
    public async Task A_tagged_event_should_be_replayed_as_the_event_itself_with_its_envelope()
    {
        var writer = CreateTestProbe();
        var tagged = new Persistent(new Tagged("e-1", ["call"]), 1, "e", "m", false, writer.Ref, "writer-1");

        Journal.Tell(new WriteMessages([new AtomicWrite(tagged)], writer.Ref, 1));
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
        var reader = CreateTestProbe();
        Journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "e", reader.Ref));

        var replayed = (await reader.ExpectMsgAsync<ReplayedMessage>()).Persistent;
        Assert.Equal(("e-1", 1L, "e", "m", "writer-1"), ((string)replayed.Payload, replayed.SequenceNr, replayed.PersistenceId, replayed.Manifest, replayed.WriterGuid));
        Assert.Equal(1, (await reader.ExpectMsgAsync<RecoverySuccess>()).HighestSequenceNr);
    }

    [Fact]
    public async Task A_persistent_actor_should_recover_what_it_persisted_before_it_stopped()
    {
        var first = Sys.ActorOf(Props.Create(() => new Counter("counter-1")));
        first.Tell("add", TestActor);
        first.Tell("add", TestActor);
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(first);

        var second = Sys.ActorOf(Props.Create(() => new Counter("counter-1")));
        second.Tell("add", TestActor);

        await ExpectMsgAsync(3);
    }

    private AtomicWrite Atomic(string persistenceId, IActorRef sender, params long[] sequenceNrs) =>
        new(sequenceNrs
            .Select(n => (IPersistentRepresentation)new Persistent($"{persistenceId}-{n}", n, persistenceId, string.Empty, false, sender))
            .ToImmutableList());

    private async Task WriteAsync(string persistenceId, params long[] sequenceNrs)
    {
        var writer = CreateTestProbe();
        Journal.Tell(new WriteMessages([Atomic(persistenceId, writer.Ref, sequenceNrs)], writer.Ref, Interlocked.Increment(ref _instance)));
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
    }

    private async Task<long[]> ReplayAsync(string persistenceId, long from, long to, long max, long expectedHighest)
    {
        var reader = CreateTestProbe();
        Journal.Tell(new ReplayMessages(from, to, max, persistenceId, reader.Ref));
        var replayed = new List<long>();
        while (await reader.ReceiveOneAsync() is ReplayedMessage message)
        {
            Assert.Equal($"{persistenceId}-{message.Persistent.SequenceNr}", message.Persistent.Payload);
            replayed.Add(message.Persistent.SequenceNr);
        }

        Assert.Equal(expectedHighest, Assert.IsType<RecoverySuccess>(reader.LastMessage).HighestSequenceNr);
        return [.. replayed];
    }

    /// <summary>Counts "add"s, persisting each, and answers the count.</summary>
    private sealed class Counter : ReceivePersistentActor
    {
        private int _count;

        public Counter(string persistenceId)
        {
            PersistenceId = persistenceId;
            Recover<string>(_ => _count++);
            Command<string>(_ => Persist("added", _ =>
            {
                _count++;
                Sender.Tell(_count);
            }));
        }

        public override string PersistenceId { get; }
    }
}
