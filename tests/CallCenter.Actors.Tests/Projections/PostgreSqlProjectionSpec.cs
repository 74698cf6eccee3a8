using Akka.Actor;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Xunit.Abstractions;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>
/// The call-record projection on a PostgreSQL journal, as a cluster runs it: one projection per node, all writing the
/// one call_records table, and a node that stops and comes back.
/// </summary>
public sealed class PostgreSqlProjectionSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly CallId A = new("a");
    private static readonly CallId B = new("b");
    private static readonly CallId C = new("c");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly CallRecordProjectionSettings Fast = new()
    {
        BatchWindow = TimeSpan.FromMilliseconds(50),
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    private readonly TempPostgreSqlSchema _schema;
    private ActorSystem? _restarted;

    public PostgreSqlProjectionSpec(ITestOutputHelper output)
        : this(new TempPostgreSqlSchema(), output)
    {
    }

    private PostgreSqlProjectionSpec(TempPostgreSqlSchema schema, ITestOutputHelper output)
        : base(schema.Config, output: output)
    {
        _schema = schema;
    }

    [Fact]
    public async Task Projections_of_two_nodes_should_record_every_call_once_across_a_restart()
    {
        // arrange: two nodes' projections follow the same journal into the same table
        var store = new PostgreSqlCallRecordStore(_schema.ConnectionString);
        var projected = CreateTestProbe();
        Sys.EventStream.Subscribe(projected.Ref, typeof(CallRecordsProjected));
        Sys.ActorOf(CallRecordProjection.Props(store, Fast), "projection-node-1");
        Sys.ActorOf(CallRecordProjection.Props(new PostgreSqlCallRecordStore(_schema.ConnectionString), Fast), "projection-node-2");
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(A)), AnsweredCall(A, 0));
        await this.RunAsync(Sys.ActorOf(TestEntities.Call(B)), AnsweredCall(B, 100).Take(3));
        await AwaitAssertAsync(async () => Assert.Equal(Alice, (await store.FindAsync(B))?.AgentId), Patience);

        // Each projection ends on a batch reaching the last event; between them, every event was folded once.
        var offsetBefore = await store.ReadOffsetAsync();
        var before = await CollectUntilAsync(projected, offsetBefore, projections: 2);
        Assert.Equal(EventsOf(A, AnsweredCall(A, 0)).Count + EventsOf(B, AnsweredCall(B, 100).Take(3)).Count, before.Sum(b => b.Applied));

        // act: the process stops; B's answer is journalled while no projection runs; the restarted process projects again
        await ShutdownAsync();
        _restarted = ActorSystem.Create($"{Sys.Name}-restarted", _schema.Config);
        var probe = CreateTestProbe(_restarted);
        _restarted.EventStream.Subscribe(probe.Ref, typeof(CallRecordsProjected));
        var commands = CreateTestProbe(_restarted); // apart from the probe of batches, which arrive at any time
        await commands.RunAsync(_restarted.ActorOf(TestEntities.Call(B)), AnsweredCall(B, 100).Skip(3));
        _restarted.ActorOf(CallRecordProjection.Props(new PostgreSqlCallRecordStore(_schema.ConnectionString), Fast), "projection");
        await commands.RunAsync(_restarted.ActorOf(TestEntities.Call(C)), AbandonedCall(C, 200));

        // assert: every call once, each as its whole history says, and only the new events were applied after the restart
        var expected = new[] { Fold(A, AnsweredCall(A, 0)), Fold(B, AnsweredCall(B, 100)), Fold(C, AbandonedCall(C, 200)) };
        await AwaitAssertAsync(async () => Assert.Equal(expected, await store.ListAsync()), Patience);
        var after = await CollectUntilAsync(probe, await store.ReadOffsetAsync(), projections: 1);
        Assert.Equal(offsetBefore, after[0].FromOffset);
        Assert.Equal(EventsOf(B, AnsweredCall(B, 100)).Count - EventsOf(B, AnsweredCall(B, 100).Take(3)).Count + EventsOf(C, AbandonedCall(C, 200)).Count,
            after.Sum(b => b.Applied));
    }

    /// <summary>The batches published until <paramref name="projections"/> of them reached <paramref name="offset"/>.</summary>
    private static async Task<List<CallRecordsProjected>> CollectUntilAsync(Akka.TestKit.TestProbe probe, long offset, int projections)
    {
        var batches = new List<CallRecordsProjected>();
        while (batches.Count(b => b.ToOffset == offset) < projections)
        {
            batches.Add(await probe.ExpectMsgAsync<CallRecordsProjected>(Patience));
        }

        return batches;
    }

    protected override void Dispose(bool disposing)
    {
        if (_restarted is not null)
        {
            Shutdown(_restarted, verifySystemShutdown: false);
        }

        base.Dispose(disposing);
        if (disposing)
        {
            _schema.Dispose();
        }
    }

    private static CallRecord Fold(CallId call, IEnumerable<(object Command, DateTimeOffset Now)> script) =>
        EventsOf(call, script).Aggregate(new CallRecord(call), (r, e) => r.Apply(e));
}
