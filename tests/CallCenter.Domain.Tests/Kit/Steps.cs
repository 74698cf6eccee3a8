using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;

namespace CallCenter.Domain.Tests.Kit;

/// <summary>Decide-then-Apply, the way an actor does after persisting.</summary>
internal static class Steps
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static (AgentState State, CommandResult Result, ImmutableArray<IAgentEvent> Events) Run(
        this AgentState state, IAgentCommand command, DateTimeOffset now)
    {
        var (result, events) = state.Decide(command, now);
        return (events.Aggregate(state, (s, e) => s.Apply(e)), result, events);
    }

    public static (CallState State, CommandResult Result, ImmutableArray<ICallEvent> Events) Run(
        this CallState state, ICallCommand command, DateTimeOffset now)
    {
        var (result, events) = state.Decide(command, now);
        return (events.Aggregate(state, (s, e) => s.Apply(e)), result, events);
    }

    public static (QueueState State, CommandResult Result, ImmutableArray<IQueueEvent> Events) Run(
        this QueueState state, IQueueCommand command, DateTimeOffset now)
    {
        var (result, events) = state.Decide(command, now);
        return (events.Aggregate(state, (s, e) => s.Apply(e)), result, events);
    }

    /// <summary>Runs a command that must be accepted, and returns the new state.</summary>
    public static AgentState Must(this AgentState state, IAgentCommand command, DateTimeOffset now)
    {
        var (next, result, _) = state.Run(command, now);
        Assert.True(result.IsOk, $"{command} was {result}");
        return next;
    }

    public static CallState Must(this CallState state, ICallCommand command, DateTimeOffset now)
    {
        var (next, result, _) = state.Run(command, now);
        Assert.True(result.IsOk, $"{command} was {result}");
        return next;
    }

    public static QueueState Must(this QueueState state, IQueueCommand command, DateTimeOffset now)
    {
        var (next, result, _) = state.Run(command, now);
        Assert.True(result.IsOk, $"{command} was {result}");
        return next;
    }

    public static void AssertRejected<TEvent>((CommandResult Result, ImmutableArray<TEvent> Events) decision, string? reasonPart = null)
    {
        Assert.Equal(ResultCode.Rejected, decision.Result.Code);
        Assert.Empty(decision.Events);
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, decision.Result.Reason);
        }
    }

    public static void AssertNoOp<TEvent>((CommandResult Result, ImmutableArray<TEvent> Events) decision)
    {
        Assert.Equal(ResultCode.NoOp, decision.Result.Code);
        Assert.Empty(decision.Events);
    }

    public static TEvent Single<TEvent>((CommandResult Result, ImmutableArray<IAgentEvent> Events) decision)
        where TEvent : IAgentEvent
    {
        Assert.True(decision.Result.IsOk, decision.Result.ToString());
        return Assert.IsType<TEvent>(Assert.Single(decision.Events));
    }
}
