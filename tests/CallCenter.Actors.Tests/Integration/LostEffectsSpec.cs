using System.Collections.Immutable;
using Akka.Configuration;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Calls.CallIndexEvents;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Calls.CallEvents;
using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>
/// One spec per message a crash can lose between an entity's journal write and its send: the journal is written exactly
/// as the dying process left it (<see cref="JournalWriter"/>), then a node starts on it. Every agent must end up
/// Available, every queue empty, and answered calls counted once by the agent and the queue.
/// </summary>
public sealed class LostEffectsSpec(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.loglevel = WARNING"), output: output), IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly QueueId East = new("east");
    private static readonly AgentId Agent = new("agent-1");
    private static readonly CallId Call = new("lost-1@customers.test");
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-1);

    private static readonly NodeLayout Layout = new(
        [new QueueDefinition(East, QueueSettings.Default)],
        [new AgentDefinition(Agent, AgentSettings.Default, [East])],
        PhoneBehaviour.Answering);

    private readonly TempDatabase _database = new();
    private IntegrationNode? _node;

    [Fact]
    public async Task Reservation_whose_acceptance_was_lost_should_be_released_and_the_call_interrupted()
    {
        // AgentReserved written, OfferAccepted lost: neither the queue nor the call ever heard of the agent.
        var node = await RestartOn(
            agent: [AgentReserved(Agent, Call, East, At)],
            queue: [new CallJoined(East, Call, 0, At)],
            call: [Arrived, Queued],
            index: [new CallOpened(Call)]);

        await AssertSettled(node, answered: 0);
        Assert.Equal(CallDisposition.Interrupted, await DispositionOf(node));
    }

    [Fact]
    public async Task Connection_whose_notices_were_lost_should_reach_the_agent_and_queue_before_the_call_is_interrupted()
    {
        // CallConnected written, ConnectCall and MarkAnswered lost: the agent is still reserved, the queue still rings it.
        var node = await RestartOn(
            agent: [AgentReserved(Agent, Call, East, At)],
            queue: [new CallJoined(East, Call, 0, At), new OfferStarted(East, Call, Agent, At)],
            call: [Arrived, Queued, Offered, Connected],
            index: [new CallOpened(Call)]);

        await AssertSettled(node, answered: 1);
        Assert.Equal(CallDisposition.Interrupted, await DispositionOf(node));
    }

    [Fact]
    public async Task Completed_call_whose_end_was_lost_should_end_for_the_agent_and_count_answered_in_the_queue()
    {
        // CallEnded and even CallClosed written; EndCall and MarkAnswered lost: nothing will start the call again.
        var node = await RestartOn(
            agent: [AgentReserved(Agent, Call, East, At), new AgentCallConnected(Agent, Call, At)],
            queue: [new CallJoined(East, Call, 0, At), new OfferStarted(East, Call, Agent, At)],
            call: [Arrived, Queued, Offered, Connected, new CallEnded(Call, CallDisposition.Completed, Agent, At)],
            index: [new CallOpened(Call), new CallClosed(Call)]);

        await AssertSettled(node, answered: 1);
        Assert.Equal(CallDisposition.Completed, await DispositionOf(node));
    }

    [Fact]
    public async Task Call_abandoned_while_ringing_whose_release_was_lost_should_give_the_agent_and_place_back()
    {
        // CallEnded (abandoned) written, still open in the index; ReleaseReservation and Remove lost.
        var node = await RestartOn(
            agent: [AgentReserved(Agent, Call, East, At)],
            queue: [new CallJoined(East, Call, 0, At), new OfferStarted(East, Call, Agent, At)],
            call: [Arrived, Queued, Offered, new CallEnded(Call, CallDisposition.Abandoned, Agent, At)],
            index: [new CallOpened(Call)]);

        await AssertSettled(node, answered: 0);
        Assert.Equal(CallDisposition.Abandoned, await DispositionOf(node));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _database.Dispose();
    }

    private static CallArrived Arrived => new(Call, "sip:caller@customers.test", East, 0, At);

    private static CallQueued Queued => new(Call, East, At);

    private static CallOffered Offered => new(Call, Agent, At);

    private static CallConnected Connected => new(Call, Agent, At);

    private static AgentReserved AgentReserved(AgentId agent, CallId call, QueueId queue, DateTimeOffset at) => new(agent, call, queue, at);

    private async Task<IntegrationNode> RestartOn(object[] agent, object[] queue, object[] call, object[] index)
    {
        object[] registered =
        [
            new AgentQueuesAssigned(Agent, [East], At),
            new AgentRegistered(Agent, "sip:agent-1@10.0.0.9", At.AddHours(1), At),
        ];
        await JournalWriter.WriteAsync(_database, new Dictionary<string, object[]>
        {
            [$"agent-{Agent.Value}"] = [.. registered, .. agent],
            [$"queue-{East.Value}"] = queue,
            [$"call-{Call.Value}"] = call,
            [$"calls-{IntegrationNode.NodeId}"] = index,
        });
        _node = await IntegrationNode.StartAsync(this, _database, Layout, NodeParts.Everything);
        return _node;
    }

    private async Task AssertSettled(IntegrationNode node, int answered) =>
        await AwaitAssertAsync(
            async () =>
            {
                Assert.Empty(await node.OpenCalls());
                var queue = await node.QueueState(East);
                Assert.Empty(queue.Calls);
                Assert.Equal(answered, queue.Statistics.Answered);
                var agent = await node.AgentState(Agent);
                Assert.Equal(AgentPresence.Available, agent.Presence);
                Assert.Equal(answered, agent.Statistics.CallsHandled);
            },
            Patience);

    private async Task<CallDisposition?> DispositionOf(IntegrationNode node)
    {
        var events = await new JournalReader(node.System).EventsOf(Call);
        return Assert.Single(events.OfType<CallEnded>()).Disposition;
    }
}
