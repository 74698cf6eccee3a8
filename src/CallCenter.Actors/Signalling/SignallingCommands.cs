using CallCenter.Domain;

namespace CallCenter.Actors.Signalling;

/// <summary>A request from a CallActor to the SIP and media side of its call.</summary>
public interface ISignallingCommand : IWithCallId, ICallCenterMessage
{
}

/// <summary>What a CallActor asks of the signalling port. The port ignores commands about legs it no longer holds.</summary>
/// <remarks>An agent leg is named by <c>Leg</c>, the call's offer number (1, 2, ...): events about an older leg are stale.</remarks>
public static class SignallingCommands
{
    /// <summary>Answer the customer (200 OK with the relay's media).</summary>
    public sealed record AnswerCustomer(CallId CallId) : ISignallingCommand;

    public sealed record StartHoldAudio(CallId CallId) : ISignallingCommand;

    public sealed record StopHoldAudio(CallId CallId) : ISignallingCommand;

    /// <summary>Call the agent's phone at <paramref name="Contact"/> (INVITE on a second leg).</summary>
    public sealed record RingAgent(CallId CallId, AgentId AgentId, string Contact, int Leg) : ISignallingCommand;

    /// <summary>Stop ringing the agent (CANCEL), or drop the leg if it is being set up.</summary>
    public sealed record CancelAgentLeg(CallId CallId, AgentId AgentId, int Leg) : ISignallingCommand;

    /// <summary>Connect the customer's and the agent's media.</summary>
    public sealed record BridgeLegs(CallId CallId, AgentId AgentId, int Leg) : ISignallingCommand;

    /// <summary>End the customer's side: BYE once answered, otherwise a final error response chosen by <paramref name="Disposition"/>.</summary>
    public sealed record HangUpCustomer(CallId CallId, CallDisposition Disposition) : ISignallingCommand;

    /// <summary>End the agent's answered leg (BYE).</summary>
    public sealed record HangUpAgent(CallId CallId, AgentId AgentId, int Leg) : ISignallingCommand;
}
