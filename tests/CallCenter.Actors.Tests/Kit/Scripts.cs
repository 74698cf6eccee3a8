using Akka.Actor;
using Akka.TestKit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Command scripts for the test entities, with explicit times (no wall clock), and a driver that insists on Ok.</summary>
public static class Scripts
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly QueueId Sales = new("sales");

    public static readonly AgentId Alice = new("alice");

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>Arrives at <paramref name="start"/>, waits 15 s, talks 60 s, caller hangs up: Completed.</summary>
    public static IReadOnlyList<(object Command, DateTimeOffset Now)> AnsweredCall(CallId call, double start) =>
    [
        (new CallCommands.Receive(call, $"sip:{call.Value}@customers.test", Sales, 2), At(start)),
        (new CallCommands.Enqueue(call, Sales), At(start + 1)),
        (new CallCommands.Offer(call, Alice), At(start + 10)),
        (new CallCommands.Connect(call, Alice), At(start + 15)),
        (new CallCommands.Hangup(call, Party.Caller), At(start + 75)),
    ];

    /// <summary>Arrives, waits 30 s in the queue, caller hangs up: Abandoned with no agent.</summary>
    public static IReadOnlyList<(object Command, DateTimeOffset Now)> AbandonedCall(CallId call, double start) =>
    [
        (new CallCommands.Receive(call, $"sip:{call.Value}@customers.test", Sales), At(start)),
        (new CallCommands.Enqueue(call, Sales), At(start + 1)),
        (new CallCommands.Hangup(call, Party.Caller), At(start + 30)),
    ];

    /// <summary>Rings Alice without answer, then times out after 120 s: Timeout, one failed offer, no agent.</summary>
    public static IReadOnlyList<(object Command, DateTimeOffset Now)> TimedOutCall(CallId call, double start) =>
    [
        (new CallCommands.Receive(call, $"sip:{call.Value}@customers.test", Sales), At(start)),
        (new CallCommands.Enqueue(call, Sales), At(start + 1)),
        (new CallCommands.Offer(call, Alice), At(start + 5)),
        (new CallCommands.FailOffer(call, Alice, OfferFailure.NoAnswer), At(start + 25)),
        (new CallCommands.End(call, CallDisposition.Timeout), At(start + 120)),
    ];

    public static IReadOnlyList<(object Command, DateTimeOffset Now)> AgentTakesACall(CallId call) =>
    [
        (new AgentCommands.Register(Alice, "sip:alice@10.0.0.5:5060", TimeSpan.FromMinutes(10)), At(0)),
        (new AgentCommands.OfferCall(Alice, call, Sales), At(10)),
        (new AgentCommands.ConnectCall(Alice, call), At(15)),
    ];

    public static IReadOnlyList<(object Command, DateTimeOffset Now)> QueueServesACall(CallId call) =>
    [
        (new QueueCommands.Configure(Sales, QueueSettings.Default with { MaxWait = TimeSpan.FromMinutes(5) }), At(0)),
        (new QueueCommands.UpdateStaffing(Sales, 1), At(0)),
        (new QueueCommands.Enqueue(Sales, call, 2), At(1)),
        (new QueueCommands.StartOffer(Sales, call, Alice), At(10)),
        (new QueueCommands.MarkAnswered(Sales, call, Alice), At(15)),
    ];

    /// <summary>The events the domain decides for a call script, as a CallActor would persist them.</summary>
    public static IReadOnlyList<ICallEvent> EventsOf(CallId call, IEnumerable<(object Command, DateTimeOffset Now)> steps)
    {
        var state = new CallState(call);
        var events = new List<ICallEvent>();
        foreach (var (command, now) in steps)
        {
            var (result, decided) = state.Decide((ICallCommand)command, now);
            Assert.True(result.IsOk, $"{command} was {result}");
            state = decided.Aggregate(state, (s, e) => s.Apply(e));
            events.AddRange(decided);
        }

        return events;
    }

    /// <summary>Runs every step through <paramref name="entity"/> and returns its last sequence number.</summary>
    public static async Task<long> RunAsync(this TestKitBase kit, IActorRef entity, IEnumerable<(object Command, DateTimeOffset Now)> steps)
    {
        var last = 0L;
        foreach (var (command, now) in steps)
        {
            entity.Tell(new Entity.Execute(command, now), kit.TestActor);
            var executed = await kit.ExpectMsgAsync<Entity.Executed>(TimeSpan.FromSeconds(10));
            Assert.True(executed.Result.IsOk, $"{command} was {executed.Result}");
            last = executed.LastSequenceNr;
        }

        return last;
    }

    public static async Task<Entity.View> ViewAsync(this TestKitBase kit, IActorRef entity)
    {
        entity.Tell(Entity.GetView.Instance, kit.TestActor);
        return await kit.ExpectMsgAsync<Entity.View>(TimeSpan.FromSeconds(10));
    }
}
