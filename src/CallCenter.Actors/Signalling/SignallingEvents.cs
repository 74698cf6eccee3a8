using CallCenter.Domain;

namespace CallCenter.Actors.Signalling;

/// <summary>A report from the signalling port about one call.</summary>
public interface ISignallingEvent : IWithCallId, ICallCenterMessage
{
}

/// <summary>What the signalling port reports to a CallActor.</summary>
public static class SignallingEvents
{
    /// <summary>The customer's leg is up (our answer was acknowledged).</summary>
    public sealed record CustomerAnswered(CallId CallId) : ISignallingEvent;

    public sealed record CustomerHungUp(CallId CallId) : ISignallingEvent;

    /// <summary>The agent's phone is ringing (180).</summary>
    public sealed record AgentRinging(CallId CallId, AgentId AgentId, int Leg) : ISignallingEvent;

    public sealed record AgentAnswered(CallId CallId, AgentId AgentId, int Leg) : ISignallingEvent;

    /// <summary>The agent's phone refused with a final SIP status (486 busy, 603 decline, 480, 5xx, ...).</summary>
    public sealed record AgentRejected(CallId CallId, AgentId AgentId, int Leg, int Status) : ISignallingEvent;

    /// <summary>The agent's leg gave up on its own (transaction timeout) before the ring timeout.</summary>
    public sealed record AgentNoAnswer(CallId CallId, AgentId AgentId, int Leg) : ISignallingEvent;

    public sealed record AgentHungUp(CallId CallId, AgentId AgentId, int Leg) : ISignallingEvent;

    /// <summary>The call's media cannot go on (relay ports, codec, RTP timeout).</summary>
    public sealed record MediaFailed(CallId CallId, string Reason) : ISignallingEvent;
}
