using CallCenter.Domain;

namespace CallCenter.Actors.Calls;

/// <summary>Questions an agent or queue asks a call after its own recovery, through the calls actor: "I hold you like
/// this; is that still so?" The call answers with the idempotent commands that bring the asker in line with the call's
/// journal (see <see cref="Domain.Calls.AgentHoldVerdict"/> and <see cref="Domain.Calls.QueuePlaceVerdict"/>).</summary>
/// <remarks>
/// Why reconciliation and not acknowledged redelivery: every entity already journals before it tells anyone, so what a
/// crash can lose is only the message after a write. The receivers' commands are idempotent, and the call's journal
/// holds the whole truth about the call, so one question per held call on recovery repairs every such loss without
/// extra writes on the hot path (an at-least-once hand-off would add a persisted confirmation per message).
/// </remarks>
public static class CallChecks
{
    /// <summary>Routed like any call message; the calls actor answers it for closed calls too.</summary>
    public interface ICallCheck : IWithCallId;

    /// <summary>An agent recovered holding <paramref name="CallId"/>, <paramref name="Connected"/> or only reserved.</summary>
    public sealed record ConfirmAgentHold(CallId CallId, AgentId AgentId, bool Connected) : ICallCheck, ICallCenterMessage;

    /// <summary>A queue recovered with <paramref name="CallId"/> in it, ringing <paramref name="OfferedTo"/> (or waiting).</summary>
    public sealed record ConfirmQueuePlace(CallId CallId, QueueId QueueId, AgentId? OfferedTo) : ICallCheck, ICallCenterMessage;
}
