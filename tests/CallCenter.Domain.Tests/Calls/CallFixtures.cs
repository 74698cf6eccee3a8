using CallCenter.Domain.Calls;
using CallCenter.Domain.Tests.Kit;

namespace CallCenter.Domain.Tests.Calls;

/// <summary>Calls in ready-made phases.</summary>
internal static class CallFixtures
{
    public static readonly CallId Id = new("c-1");
    public static readonly QueueId Sales = new("sales");
    public static readonly QueueId Overflow = new("overflow");
    public static readonly AgentId Alice = new("alice");
    public static readonly AgentId Bob = new("bob");

    public static CallState New() => new(Id);

    public static CallState Arrived() => New().Must(new CallCommands.Receive(Id, "sip:carol@example.test", Sales, 2), Steps.At(0));

    public static CallState Queued() => Arrived().Must(new CallCommands.Enqueue(Id, Sales), Steps.At(1));

    public static CallState Offering() => Queued().Must(new CallCommands.Offer(Id, Alice), Steps.At(20));

    public static CallState Connected() => Offering().Must(new CallCommands.Connect(Id, Alice), Steps.At(25));

    public static CallState Ended() => Connected().Must(new CallCommands.Hangup(Id, Party.Caller), Steps.At(85));

    public static CallState InPhase(CallPhase phase) => phase switch
    {
        CallPhase.New => New(),
        CallPhase.Arrived => Arrived(),
        CallPhase.Queued => Queued(),
        CallPhase.Offering => Offering(),
        CallPhase.Connected => Connected(),
        _ => Ended(),
    };
}
