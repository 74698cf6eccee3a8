using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>The projection from the journal's "call" tag to call_records, on a real SQLite file, across a restart.</summary>
public sealed class CallRecordProjectionSpec : SqliteSpec
{
    private static readonly CallId A = new("a");
    private static readonly CallId B = new("b");
    private static readonly CallId C = new("c");

    private static readonly CallRecordProjectionSettings Fast = new()
    {
        BatchWindow = TimeSpan.FromMilliseconds(50),
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    public CallRecordProjectionSpec(ITestOutputHelper output)
        : base(new TempDatabase(), output)
    {
    }

    [Fact]
    public async Task Projection_should_write_a_record_per_call_from_the_call_events_in_the_journal()
    {
        // arrange: records go to the journal's own file
        var store = SqliteCallRecordStore.ForSqliteFile(Database.Path);
        Sys.ActorOf(CallRecordProjection.Props(store, Fast), "call-record-projection");

        // act: three calls, plus agent and queue events the projection must pass over
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(A)), AnsweredCall(A, 0));
        await this.RunAsync(Sys.ActorOf(TestEntities.Agent(Alice)), AgentTakesACall(A));
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(B)), AbandonedCall(B, 100));
        await this.RunAsync(Sys.ActorOf(TestEntities.Queue(Sales)), QueueServesACall(A));
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(C)), TimedOutCall(C, 200));

        // assert
        var expected = new[]
        {
            Fold(A, AnsweredCall(A, 0)), Fold(B, AbandonedCall(B, 100)), Fold(C, TimedOutCall(C, 200)),
        };
        await AwaitAssertAsync(async () => Assert.Equal(expected, await store.ListAsync()), Patience);
        var answered = await store.FindAsync(A);
        Assert.Equal((Alice, 15.0, 60.0, CallDisposition.Completed), (answered!.AgentId!.Value, answered.WaitSeconds, answered.TalkSeconds, answered.Disposition));
        Assert.Equal(5 + 3 + 3 + 5 + 5, await store.ReadOffsetAsync()); // C ended with the 21st event in the journal
    }

    [Fact]
    public async Task Projection_should_resume_from_its_offset_after_a_restart_without_doubling_or_missing_a_call()
    {
        // arrange: the first process projects call A and the start of call B, then stops
        var store = SqliteCallRecordStore.ForSqliteFile(Database.Path);
        Sys.ActorOf(CallRecordProjection.Props(store, Fast), "call-record-projection");
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(A)), AnsweredCall(A, 0));
        var callB = Sys.ActorOf(TestEntities.Call(B));
        await this.RunAsync(callB, AnsweredCall(B, 100).Take(3));
        await AwaitAssertAsync(async () => Assert.Equal(Alice, (await store.FindAsync(B))?.AgentId), Patience);
        var recordA = await store.FindAsync(A);
        var offsetBefore = await store.ReadOffsetAsync();
        await ShutdownAsync();

        // act: the second process writes B's answer while no projection runs, starts the projection, then a new call arrives
        var restarted = StartSecondSystem();
        var probe = CreateTestProbe(restarted);
        restarted.EventStream.Subscribe(probe.Ref, typeof(CallRecordsProjected));
        await probe.RunAsync(restarted.ActorOf(TestEntities.Call(B)), AnsweredCall(B, 100).Skip(3));
        restarted.ActorOf(CallRecordProjection.Props(store, Fast), "call-record-projection");
        var first = await probe.ExpectMsgAsync<CallRecordsProjected>(Patience);
        await probe.RunAsync(restarted.ActorOf(TestEntities.Call(C)), AbandonedCall(C, 200));

        // assert: every call once, each as its full history says, and only new events were applied after the restart
        var expected = new[] { Fold(A, AnsweredCall(A, 0)), Fold(B, AnsweredCall(B, 100)), Fold(C, AbandonedCall(C, 200)) };
        await AwaitAssertAsync(async () => Assert.Equal(expected, await store.ListAsync()), Patience);
        Assert.Equal(recordA, await store.FindAsync(A));
        Assert.Equal(offsetBefore, first.FromOffset);
        Assert.Equal(0, first.Skipped);

        var batches = new List<CallRecordsProjected> { first };
        var finalOffset = await store.ReadOffsetAsync();
        while (batches[^1].ToOffset < finalOffset)
        {
            batches.Add(await probe.ExpectMsgAsync<CallRecordsProjected>(Patience));
        }

        Assert.Equal(2 + 3, batches.Sum(b => b.Applied));
        Assert.All(batches, b => Assert.Equal(0, b.Skipped));
        Assert.Equal(batches.Select(b => b.FromOffset).Skip(1), batches.Select(b => b.ToOffset).SkipLast(1));
    }

    [Fact]
    public async Task Projection_should_back_off_and_retry_while_its_database_is_locked()
    {
        // arrange: records in a database of their own, held locked by another writer
        var store = SqliteCallRecordStore.ForSqliteFile(Database.Sibling("records"), busyTimeout: TimeSpan.FromSeconds(1));
        await store.EnsureCreatedAsync();
        var blocker = new SqliteConnection(store.ConnectionString);
        await blocker.OpenAsync();
        var lockHeld = blocker.BeginTransaction(deferred: false);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));

        // act
        Sys.ActorOf(CallRecordProjection.Props(store, Fast), "call-record-projection");
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(A)), AbandonedCall(A, 0));
        await warnings.FishForMessageAsync<Warning>(w => w.Message?.ToString()?.Contains("locked", StringComparison.OrdinalIgnoreCase) == true || w.Cause is SqliteException, Patience);
        Assert.Empty(await store.ListAsync()); // readers are not blocked (WAL); the writer is
        await lockHeld.RollbackAsync();
        await blocker.DisposeAsync();

        // assert: a later attempt, from the same offset, writes the call
        await AwaitAssertAsync(async () => Assert.Equal([Fold(A, AbandonedCall(A, 0))], await store.ListAsync()), Patience);
    }

    private static CallRecord Fold(CallId call, IEnumerable<(object Command, DateTimeOffset Now)> script) =>
        EventsOf(call, script).Aggregate(new CallRecord(call), (r, e) => r.Apply(e));
}
