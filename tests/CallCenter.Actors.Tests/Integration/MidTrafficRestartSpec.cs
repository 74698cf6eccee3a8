using System.Collections.Immutable;
using Akka.Configuration;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>
/// A node stopped at an arbitrary moment while calls pour through it (agents answer and hang up at once), then
/// started again on the same SQLite file. Where the stop falls differs from run to run; the invariants may not.
/// </summary>
public sealed class MidTrafficRestartSpec(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = WARNING"), output: output), IAsyncLifetime
{
    private const int CallCount = 120;
    private const int CompletedBeforeStop = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ImmutableArray<QueueId> Queues = [new("east"), new("west")];
    private static readonly ImmutableArray<AgentId> Agents = [.. Enumerable.Range(1, 6).Select(n => new AgentId($"agent-{n}"))];
    private static readonly ImmutableArray<CallId> Calls = [.. Enumerable.Range(1, CallCount).Select(n => new CallId($"m-{n:000}@customers.test"))];

    /// <summary>One call whose agent never hangs up: the node is stopped after it is bridged, so it is surely interrupted.</summary>
    private static readonly CallId Talking = Calls[9];

    private static readonly NodeLayout Layout = new(
        [.. Queues.Select(q => new QueueDefinition(q, QueueSettings.Default with { MaxSize = CallCount }))],
        [.. Agents.Select((a, i) => new AgentDefinition(a, AgentSettings.Default, [Queues[i % Queues.Length]]))],
        PhoneBehaviour.Answering with { AgentHangsUp = call => call != Talking });

    private readonly TempDatabase _database = new();
    private readonly List<IntegrationNode> _nodes = [];

    [Fact]
    public async Task Node_stopped_mid_traffic_should_end_every_call_that_reached_the_journal_exactly_once_after_a_restart()
    {
        var (restarted, completedBeforeStop) = await StopMidTrafficAndRestart();
        await AwaitAssertAsync(async () => Assert.Empty(await restarted.OpenCalls()), Patience);

        var journal = new JournalReader(restarted.System);
        var expected = new List<CallRecord>();
        foreach (var call in Calls)
        {
            var events = await journal.EventsOf(call);
            if (events.Count == 0)
            {
                continue; // still in a mailbox when the node stopped: the call never reached the center
            }

            var ended = Assert.Single(events.OfType<CallEvents.CallEnded>());
            Assert.Same(ended, events[^1]);
            Assert.Contains(ended.Disposition, new[] { CallDisposition.Completed, CallDisposition.Interrupted });
            if (ended.Disposition == CallDisposition.Completed)
            {
                Assert.Single(events.OfType<CallEvents.CallConnected>());
            }

            expected.Add(await journal.ExpectedRecord(call));
        }

        Assert.True(expected.Count > completedBeforeStop.Count, $"only {expected.Count} calls reached the journal");
        Assert.All(completedBeforeStop, c => Assert.Equal(CallDisposition.Completed, expected.Single(r => r.CallId == c).Disposition));
        Assert.Equal(CallDisposition.Interrupted, expected.Single(r => r.CallId == Talking).Disposition);

        // One record per call that reached the journal, each exactly its events folded once.
        await AwaitAssertAsync(
            async () => Assert.Equal(expected.OrderBy(r => r.CallId.Value), (await restarted.Store.ListAsync()).OrderBy(r => r.CallId.Value)),
            Patience);
    }

    [Fact]
    public async Task Node_stopped_mid_traffic_should_release_every_agent_and_empty_every_queue_after_a_restart()
    {
        var (restarted, _) = await StopMidTrafficAndRestart();
        await AwaitAssertAsync(
            async () =>
            {
                Assert.Empty(await restarted.OpenCalls());
                foreach (var queue in Queues)
                {
                    Assert.Empty((await restarted.QueueState(queue)).Calls);
                }

                foreach (var agent in Agents)
                {
                    Assert.Equal(AgentPresence.Available, (await restarted.AgentState(agent)).Presence);
                }
            },
            Patience);

        // Each answered call ended once for its agent and counted once as answered by its queue.
        var journal = new JournalReader(restarted.System);
        var answered = 0;
        foreach (var call in Calls)
        {
            answered += (await journal.EventsOf(call)).OfType<CallEvents.CallConnected>().Count();
        }

        var handled = 0;
        foreach (var agent in Agents)
        {
            handled += (await restarted.AgentState(agent)).Statistics.CallsHandled;
        }

        var queueAnswered = 0;
        foreach (var queue in Queues)
        {
            queueAnswered += (await restarted.QueueState(queue)).Statistics.Answered;
        }

        Assert.Equal((answered, answered), (handled, queueAnswered));
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

    /// <summary>Sends every call at once, stops the node (CoordinatedShutdown) once some have completed and Talking is
    /// connected, and
    /// starts a new one on the file. Returns it with the calls seen completed before the stop.</summary>
    private async Task<(IntegrationNode Restarted, IReadOnlySet<CallId> CompletedBeforeStop)> StopMidTrafficAndRestart()
    {
        var first = await Start();
        await first.Register(Agents);
        await AwaitAssertAsync(async () =>
        {
            foreach (var queue in Queues)
            {
                Assert.Equal(Agents.Length / Queues.Length, (await first.QueueState(queue)).LoggedInAgents);
            }
        });
        for (var i = 0; i < Calls.Length; i++)
        {
            first.Call(Calls[i], Queues[i % Queues.Length]);
        }

        // Talking's agent never hangs up: once bridged, it stays connected until the stop.
        await first.Signals!.Expect<BridgeLegs>(b => b.CallId == Talking, Patience);
        var completed = new HashSet<CallId>();
        while (completed.Count < CompletedBeforeStop)
        {
            var hangUp = await first.Signals!.Expect<HangUpCustomer>(h => h.Disposition == CallDisposition.Completed, Patience);
            completed.Add(hangUp.CallId);
        }

        await first.DisposeAsync();
        return (await Start(), completed);
    }

    private async Task<IntegrationNode> Start()
    {
        var node = await IntegrationNode.StartAsync(this, _database, Layout, NodeParts.Everything);
        _nodes.Add(node);
        return node;
    }
}
