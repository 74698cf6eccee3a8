using System.Text.Json;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Contracts;

/// <summary>Events are persisted with System.Text.Json: each must survive a round trip unchanged.</summary>
public sealed class EventJsonSpec
{
    private static readonly AgentId Agent = new("alice");
    private static readonly CallId Call = new("c-1");
    private static readonly QueueId Queue = new("sales");

    public static TheoryData<ICallCenterMessage> Samples() =>
    [
        new AgentEvents.AgentConfigured(Agent, new AgentSettings(2, TimeSpan.FromSeconds(15), 4), At(0)),
        new AgentEvents.AgentQueuesAssigned(Agent, [Queue, new QueueId("spill")], At(0)),
        new AgentEvents.AgentRegistered(Agent, "sip:alice@10.0.0.5", At(60), At(0)),
        new AgentEvents.AgentRegistrationRefreshed(Agent, "sip:alice@10.0.0.6", At(120), At(1)),
        new AgentEvents.AgentWentOffline(Agent, OfflineReason.Expired, [Call, new CallId("c-2")], At(2)),
        new AgentEvents.AgentPaused(Agent, PauseReasons.NoAnswer, At(3)),
        new AgentEvents.AgentUnpaused(Agent, At(4)),
        new AgentEvents.AgentReserved(Agent, Call, Queue, At(5)),
        new AgentEvents.AgentCallConnected(Agent, Call, At(6)),
        new AgentEvents.AgentReservationReleased(Agent, Call, ReleaseReason.Declined, true, At(7)),
        new AgentEvents.AgentCallEnded(Agent, Call, At(38), At(8)),
        new AgentEvents.AgentCallEnded(Agent, Call, null, At(8)),
        new AgentEvents.AgentWrapUpEnded(Agent, At(9)),
        new CallEvents.CallArrived(Call, "sip:carol@example.test", Queue, 3, At(0)),
        new CallEvents.CallQueued(Call, Queue, At(1)),
        new CallEvents.CallOffered(Call, Agent, At(2)),
        new CallEvents.CallConnected(Call, Agent, At(3)),
        new CallEvents.CallOfferFailed(Call, Agent, OfferFailure.Busy, 2, At(4)),
        new CallEvents.CallEnded(Call, CallDisposition.Interrupted, Agent, At(5)),
        new CallEvents.CallEnded(Call, CallDisposition.Rejected, null, At(5)),
        new QueueEvents.QueueConfigured(
            Queue,
            QueueSettings.Default with { MaxWait = TimeSpan.FromMinutes(3), WhenMaxWait = MaxWaitPolicy.Overflow, OverflowQueue = new QueueId("spill") },
            At(0)),
        new QueueEvents.StaffingChanged(Queue, 3, At(1)),
        new QueueEvents.CallJoined(Queue, Call, -1, At(2)),
        new QueueEvents.OfferStarted(Queue, Call, Agent, At(3)),
        new QueueEvents.CallRequeued(Queue, Call, Agent, OfferFailure.NoAnswer, 1, At(4)),
        new QueueEvents.CallAnswered(Queue, Call, Agent, At(5)),
        new QueueEvents.CallDiverted(Queue, Call, DiversionReason.MaxWait, new QueueId("spill"), null, At(6)),
        new QueueEvents.CallDiverted(Queue, Call, DiversionReason.Full, null, CallDisposition.Rejected, At(6)),
        new QueueEvents.CallRemoved(Queue, Call, CallDisposition.Abandoned, At(7)),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Event_should_round_trip_through_System_Text_Json(ICallCenterMessage sample)
    {
        var json = JsonSerializer.Serialize(sample, sample.GetType());

        var back = JsonSerializer.Deserialize(json, sample.GetType());

        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back, sample.GetType()));
        Assert.DoesNotContain("\"Is", json);
    }

    [Fact]
    public void Event_samples_should_cover_every_event_type()
    {
        var eventTypes = typeof(ICallCenterMessage).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(IAgentEvent).IsAssignableFrom(t) || typeof(ICallEvent).IsAssignableFrom(t)
                || typeof(IQueueEvent).IsAssignableFrom(t)))
            .Select(t => t.FullName)
            .ToHashSet();

        var sampled = ((IEnumerable<object[]>)Samples()).Select(row => row[0].GetType().FullName).ToHashSet();

        Assert.Equal(eventTypes.Order(), sampled.Order());
    }

    [Fact]
    public void Ids_should_round_trip_and_print_their_value()
    {
        var id = JsonSerializer.Deserialize<AgentId>(JsonSerializer.Serialize(Agent));

        Assert.Equal(Agent, id);
        Assert.Equal("alice", Agent.ToString());
        Assert.Equal(string.Empty, default(CallId).ToString());
        Assert.Throws<ArgumentException>(() => new QueueId(" "));
    }
}
