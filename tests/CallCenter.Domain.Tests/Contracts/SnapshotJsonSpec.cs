using System.Text.Json;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Tests.Agents;
using CallCenter.Domain.Tests.Calls;
using CallCenter.Domain.Tests.Queues;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Contracts;

/// <summary>States are snapshotted with System.Text.Json: a restored state must decide exactly like the original.</summary>
public sealed class SnapshotJsonSpec
{
    private static T RoundTrip<T>(T state)
    {
        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<T>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.DoesNotContain("Presence", json);
        Assert.DoesNotContain("NextDeadline", json);
        Assert.DoesNotContain("WaitTime", json);
        return back;
    }

    [Fact]
    public void AgentState_should_survive_a_snapshot_round_trip()
    {
        var agent = AgentFixtures.OnCall(new AgentSettings(2, TimeSpan.FromSeconds(5), 2))
            .Must(new AgentCommands.ServeQueues(AgentFixtures.Alice, [AgentFixtures.Support]), At(19))
            .Must(new AgentCommands.OfferCall(AgentFixtures.Alice, AgentFixtures.Call2, AgentFixtures.Support), At(20));

        var back = RoundTrip(agent);

        Assert.Equal(agent.Calls.ToArray(), back.Calls.ToArray());
        Assert.Equal(agent.Queues.ToArray(), back.Queues.ToArray());
        Assert.Equal((agent.Presence, agent.Statistics, agent.Settings), (back.Presence, back.Statistics, back.Settings));
    }

    [Fact]
    public void QueueState_should_survive_a_snapshot_round_trip()
    {
        var queue = QueueFixtures.With(3, QueueSettings.Default with { MaxWait = TimeSpan.FromMinutes(1) })
            .Must(new QueueCommands.StartOffer(QueueFixtures.Sales, QueueFixtures.C(1), QueueFixtures.Bob), At(4))
            .Must(new QueueCommands.Requeue(QueueFixtures.Sales, QueueFixtures.C(1), QueueFixtures.Bob, OfferFailure.Busy), At(4))
            .Must(new QueueCommands.StartOffer(QueueFixtures.Sales, QueueFixtures.C(2), QueueFixtures.Alice), At(5));

        var back = RoundTrip(queue);

        Assert.Equal(queue.Calls.ToArray(), back.Calls.ToArray());
        Assert.Equal([QueueFixtures.Bob], back.Find(QueueFixtures.C(1))!.FailedAgents.ToArray());
        Assert.Equal((queue.NextDeadline, queue.NextOrder, queue.Statistics), (back.NextDeadline, back.NextOrder, back.Statistics));
    }

    [Fact]
    public void CallState_should_survive_a_snapshot_round_trip()
    {
        var call = CallFixtures.Connected();

        Assert.Equal(call, RoundTrip(call));
    }
}
