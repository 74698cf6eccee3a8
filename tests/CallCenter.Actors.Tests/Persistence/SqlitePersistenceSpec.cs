using System.Text;
using Akka.Actor;
using CallCenter.Actors.Serialization;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>The journal and snapshot store on a real SQLite file, across two ActorSystems (a process restart).</summary>
public sealed class SqlitePersistenceSpec : SqliteSpec
{
    private static readonly CallId Call1 = new("c-1");

    public SqlitePersistenceSpec(ITestOutputHelper output)
        : base(new TempDatabase(), output)
    {
    }

    [Fact]
    public async Task Journal_should_recover_call_agent_and_queue_state_in_a_second_actor_system_on_the_same_file()
    {
        // arrange: one system writes real domain events for each kind of entity
        var call = Sys.ActorOf(TestEntities.Call(Call1));
        var agent = Sys.ActorOf(TestEntities.Agent(Alice));
        var queue = Sys.ActorOf(TestEntities.Queue(Sales));
        await this.RunAsync(call, AnsweredCall(Call1, 0));
        await this.RunAsync(agent, AgentTakesACall(Call1));
        await this.RunAsync(queue, QueueServesACall(Call1));
        var before = new[] { await this.ViewAsync(call), await this.ViewAsync(agent), await this.ViewAsync(queue) };

        // act: the process stops; a new one opens the same file
        await ShutdownAsync();
        var restarted = StartSecondSystem();
        var probe = CreateTestProbe(restarted);
        var after = new[]
        {
            await probe.ViewAsync(restarted.ActorOf(TestEntities.Call(Call1))),
            await probe.ViewAsync(restarted.ActorOf(TestEntities.Agent(Alice))),
            await probe.ViewAsync(restarted.ActorOf(TestEntities.Queue(Sales))),
        };

        // assert
        Assert.Equal([5L, 3L, 5L], after.Select(v => v.LastSequenceNr));
        Assert.Equal(after.Select(v => (int)v.LastSequenceNr), after.Select(v => v.ReplayedEvents));
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Null(DeepEquality.FirstDifference(before[i].State, after[i].State));
        }

        Assert.Equal(CallPhase.Ended, ((CallState)after[0].State).Phase);
        Assert.Equal(AgentPresence.OnCall, ((AgentState)after[1].State).Presence);
        Assert.Equal(1, ((QueueState)after[2].State).Statistics.Answered);
    }

    [Fact]
    public async Task Recovery_should_start_from_the_latest_snapshot_and_replay_only_later_events()
    {
        // arrange: snapshot after three queue events, then one more event
        var queue = Sys.ActorOf(TestEntities.Queue(Sales));
        var script = QueueServesACall(Call1);
        await this.RunAsync(queue, script.Take(4));
        queue.Tell(Entity.TakeSnapshot.Instance, TestActor);
        var snapshot = await ExpectMsgAsync<Entity.SnapshotTaken>(TimeSpan.FromSeconds(10));
        await this.RunAsync(queue, script.Skip(4));
        var before = await this.ViewAsync(queue);

        // act
        await ShutdownAsync();
        var restarted = StartSecondSystem();
        var after = await CreateTestProbe(restarted).ViewAsync(restarted.ActorOf(TestEntities.Queue(Sales)));

        // assert
        Assert.Equal(4, snapshot.SequenceNr);
        Assert.Equal(4, after.SnapshotSequenceNr);
        Assert.Equal(1, after.ReplayedEvents);
        Assert.Equal(5, after.LastSequenceNr);
        Assert.Null(DeepEquality.FirstDifference(before.State, after.State));
    }

    [Fact]
    public async Task Journal_and_snapshot_rows_should_carry_the_call_center_serializer_and_manifests()
    {
        var call = Sys.ActorOf(TestEntities.Call(Call1));
        await this.RunAsync(call, AbandonedCall(Call1, 0));
        call.Tell(Entity.TakeSnapshot.Instance, TestActor);
        await ExpectMsgAsync<Entity.SnapshotTaken>(TimeSpan.FromSeconds(10));

        var events = await QueryAsync("SELECT identifier, manifest, message FROM journal WHERE persistence_id = 'call-c-1' ORDER BY sequence_number");
        var snapshots = await QueryAsync("SELECT serializer_id, manifest, snapshot FROM snapshot WHERE persistence_id = 'call-c-1'");

        Assert.All(events.Concat(snapshots), row => Assert.Equal(CallCenterSerializer.SerializerId, Convert.ToInt32(row[0])));
        Assert.Equal(["call.arrived", "call.queued", "call.ended"], events.Select(row => (string)row[1]));
        Assert.Equal("snapshot.call", Assert.Single(snapshots)[1]);
        Assert.StartsWith("""{"callId":"c-1","from":"sip:c-1@customers.test","queueId":"sales""", Encoding.UTF8.GetString((byte[])events[0][2]));
    }

    private async Task<List<object[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection(Database.Settings.ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
