using Akka.Persistence.Journal;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>Events are tagged by entity kind on the way into the journal, so read-side queries can follow one kind.</summary>
public sealed class EventTaggingSpec : SqliteSpec
{
    private static readonly CallId Call1 = new("c-1");

    public EventTaggingSpec(ITestOutputHelper output)
        : base(new TempDatabase(), output)
    {
    }

    [Fact]
    public void EventTagger_should_tag_each_event_with_its_entity_kind_only()
    {
        var tagger = new EventTagger();

        var call = Assert.IsType<Tagged>(tagger.ToJournal(new CallEvents.CallQueued(Call1, Sales, T0)));
        var agent = Assert.IsType<Tagged>(tagger.ToJournal(new AgentEvents.AgentUnpaused(Alice, T0)));
        var queue = Assert.IsType<Tagged>(tagger.ToJournal(new QueueEvents.StaffingChanged(Sales, 2, T0)));

        Assert.Equal([EventTags.Call], call.Tags);
        Assert.Equal([EventTags.Agent], agent.Tags);
        Assert.Equal([EventTags.Queue], queue.Tags);
        Assert.IsType<CallEvents.CallQueued>(call.Payload);
    }

    [Fact]
    public void EventTagger_should_pass_anything_else_through_untagged()
    {
        var command = new CallCommands.Enqueue(Call1, Sales);

        Assert.Same(command, new EventTagger().ToJournal(command));
        Assert.Null(EventTagger.TagsOf("text"));
    }

    [Fact]
    public async Task Read_journal_should_return_each_kind_of_event_under_its_own_tag()
    {
        // arrange: the three kinds of entity write interleaved events
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(Call1)), AnsweredCall(Call1, 0));
        await this.RunAsync(Sys.ActorOf(TestEntities.Agent(Alice)), AgentTakesACall(Call1));
        await this.RunAsync(Sys.ActorOf(TestEntities.Queue(Sales)), QueueServesACall(Call1));
        var journal = PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

        // act
        var calls = await ReadTagAsync(journal, EventTags.Call);
        var agents = await ReadTagAsync(journal, EventTags.Agent);
        var queues = await ReadTagAsync(journal, EventTags.Queue);

        // assert: each tag holds exactly its kind, in write order, with increasing offsets
        Assert.Equal(5, calls.Count);
        Assert.Equal(3, agents.Count);
        Assert.Equal(5, queues.Count);
        Assert.All(calls, e => Assert.IsAssignableFrom<ICallEvent>(e.Event));
        Assert.All(agents, e => Assert.IsAssignableFrom<IAgentEvent>(e.Event));
        Assert.All(queues, e => Assert.IsAssignableFrom<IQueueEvent>(e.Event));
        Assert.IsType<CallEvents.CallArrived>(calls[0].Event);
        Assert.IsType<CallEvents.CallEnded>(calls[^1].Event);
        Assert.Equal(calls.Select(Ordering).Order(), calls.Select(Ordering));
    }

    private async Task<IReadOnlyList<EventEnvelope>> ReadTagAsync(SqlReadJournal journal, string tag) =>
        await journal.CurrentEventsByTag(tag, Offset.NoOffset()).RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());

    private static long Ordering(EventEnvelope envelope) => ((Sequence)envelope.Offset).Value;
}
