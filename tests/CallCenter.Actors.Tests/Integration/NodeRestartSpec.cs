using Akka.Configuration;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Signalling;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Tests.Integration.RestartScenario;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>
/// A whole node (hosting, SQLite file, real actors, call-record projection) stopped while it holds completed, connected,
/// ringing and waiting calls, then started again as a new process on the same file.
/// </summary>
public sealed class NodeRestartSpec(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = WARNING"), output: output), IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDatabase _database = new();
    private readonly List<IntegrationNode> _nodes = [];

    [Fact]
    public async Task Node_should_recover_every_agent_and_queue_state_as_the_actors_reported_it_before_the_stop()
    {
        var traffic = await StopMidTraffic();

        // No calls actor this time: nothing closes the open calls out, so the recovered state can be seen untouched.
        var restarted = await Start(NodeParts.EntitiesOnly);

        await AwaitAssertAsync(
            async () =>
            {
                foreach (var (agent, before) in traffic.Agents)
                {
                    Assert.Null(DeepEquality.FirstDifference(before, await restarted.AgentState(agent)));
                }

                foreach (var (queue, before) in traffic.Queues)
                {
                    Assert.Null(DeepEquality.FirstDifference(before, await restarted.QueueState(queue)));
                }
            },
            Patience);
        Assert.Equal(4, traffic.Queues.Values.Sum(q => q.Length));
        Assert.Equal(AgentPresence.Reserved, (await restarted.AgentState(Carol)).Presence);
    }

    [Fact]
    public async Task Node_should_close_unfinished_calls_as_interrupted_and_release_their_agents_after_a_restart()
    {
        var first = await Start(NodeParts.Everything);
        var traffic = await Drive(this, first);
        var completedBefore = await EventCounts(new JournalReader(first.System), Completed);
        await first.DisposeAsync();

        var restarted = await Start(NodeParts.Everything);
        var signals = restarted.Signals!;

        foreach (var call in Unfinished)
        {
            await signals.Expect<HangUpCustomer>(h => h.CallId == call && h.Disposition == CallDisposition.Interrupted, Patience);
        }

        foreach (var call in Connected)
        {
            await signals.Expect<HangUpAgent>(h => h.CallId == call && h.AgentId == traffic.AgentOf[call]);
        }

        await signals.Expect<CancelAgentLeg>(c => c.CallId == Ringing && c.AgentId == Carol);
        await AwaitAssertAsync(
            async () =>
            {
                Assert.Empty(await restarted.OpenCalls());
                foreach (var queue in AllQueues)
                {
                    Assert.Empty((await restarted.QueueState(queue)).Calls);
                }

                foreach (var agent in AllAgents)
                {
                    var state = await restarted.AgentState(agent);
                    Assert.Equal(AgentPresence.Available, state.Presence);
                    Assert.Equal(0, state.ConsecutiveNoAnswers);
                }
            },
            Patience);

        // Each call ended once: answered calls count once for their queue and agent, the others as failed in their queue.
        var queues = await Task.WhenAll(AllQueues.Select(restarted.QueueState));
        Assert.Equal([(3, 2), (0, 2), (2, 1)], queues.Select(q => (q.Statistics.Answered, q.Statistics.Failed)));
        var handled = (await Task.WhenAll(AllAgents.Select(restarted.AgentState))).Select(a => a.Statistics.CallsHandled).ToArray();
        Assert.Equal((3, 0, 2), (handled[0] + handled[1], handled[2], handled[3]));

        var after = new JournalReader(restarted.System);
        foreach (var call in Unfinished)
        {
            var ended = Assert.IsType<CallEvents.CallEnded>((await after.EventsOf(call))[^1]);
            Assert.Equal(CallDisposition.Interrupted, ended.Disposition);
        }

        // Completed calls are left as they were: no new event, nothing said to their phones.
        Assert.Equal(completedBefore, await EventCounts(after, Completed));
        foreach (var call in Completed)
        {
            Assert.Equal(CallDisposition.Completed, Assert.IsType<CallEvents.CallEnded>((await after.EventsOf(call))[^1]).Disposition);
        }

        await signals.ExpectNone<ISignallingCommand>(c => Completed.Contains(c.CallId));
    }

    [Fact]
    public async Task Call_records_should_match_the_calls_made_across_the_restart_with_none_doubled_or_missing()
    {
        var first = await Start(NodeParts.Everything);
        var traffic = await Drive(this, first);
        var eventsBefore = (await EventCounts(new JournalReader(first.System), AllCalls)).Sum();
        var projectedFirst = await AwaitProjected(first, eventsBefore);
        var records = await first.Store.ListAsync();
        Assert.Equal(AllCalls.Order(), records.Select(r => r.CallId).Order());
        Assert.All(records, r => Assert.Equal(Completed.Contains(r.CallId) ? CallDisposition.Completed : null, r.Disposition));
        await first.DisposeAsync();

        var restarted = await Start(NodeParts.Everything);
        await AwaitAssertAsync(async () => Assert.Empty(await restarted.OpenCalls()), Patience);
        var journal = new JournalReader(restarted.System);
        var eventsAfter = (await EventCounts(journal, AllCalls)).Sum();
        var projectedAfter = await AwaitProjected(restarted, eventsAfter - eventsBefore);

        // Every call event went into the records exactly once: the restarted projection took up only the new endings.
        Assert.Equal((eventsBefore, 0), (projectedFirst.Applied, projectedFirst.Skipped));
        Assert.Equal((Unfinished.Length, 0), (projectedAfter.Applied, projectedAfter.Skipped));
        Assert.Equal(eventsBefore + Unfinished.Length, eventsAfter);
        await AwaitAssertAsync(async () => Assert.Equal((await journal.CallEvents())[^1].Offset, await restarted.Store.ReadOffsetAsync()), Patience);

        records = await restarted.Store.ListAsync();
        Assert.Equal(AllCalls.Order(), records.Select(r => r.CallId).Order());
        foreach (var record in records)
        {
            var call = record.CallId;
            Assert.Equal(await journal.ExpectedRecord(call), record);
            Assert.Equal(QueueOf[call], record.QueueId);
            Assert.Equal(Completed.Contains(call) ? CallDisposition.Completed : CallDisposition.Interrupted, record.Disposition);
            Assert.Equal(traffic.AgentOf.TryGetValue(call, out var agent) ? agent : null, record.AgentId);
            Assert.Equal(Completed.Contains(call) || Connected.Contains(call), record.AnsweredAt is not null);
            Assert.NotNull(record.EndedAt);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _database.Dispose();
    }

    private async Task<IntegrationNode> Start(NodeParts parts)
    {
        var node = await IntegrationNode.StartAsync(this, _database, Layout, parts);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Runs the scenario on a first node and stops it (CoordinatedShutdown) with the calls still open.</summary>
    private async Task<TrafficAtStop> StopMidTraffic()
    {
        var node = await Start(NodeParts.Everything);
        var traffic = await Drive(this, node);
        await node.DisposeAsync();
        return traffic;
    }

    /// <summary>How many events each of <paramref name="calls"/> has in the journal.</summary>
    private static async Task<int[]> EventCounts(JournalReader journal, IEnumerable<CallId> calls) =>
        await Task.WhenAll(calls.Select(async c => (await journal.EventsOf(c)).Count));

    /// <summary>Sums the batches this process's projection committed until <paramref name="events"/> were applied, then
    /// checks that no further batch follows (a doubled event would).</summary>
    private async Task<CallRecordsProjected> AwaitProjected(IntegrationNode node, int events)
    {
        var (applied, skipped, through) = (0, 0, 0L);
        while (applied < events)
        {
            var batch = await node.Projected!.Expect<CallRecordsProjected>(within: Patience);
            (applied, skipped, through) = (applied + batch.Applied, skipped + batch.Skipped, batch.ToOffset);
        }

        await node.Projected!.ExpectNone<CallRecordsProjected>(during: TimeSpan.FromMilliseconds(300));
        return new CallRecordsProjected(0, through, applied, skipped);
    }
}
