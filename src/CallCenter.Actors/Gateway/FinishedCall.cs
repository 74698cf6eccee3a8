using System.Collections.Immutable;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// What answering a finished call's stragglers takes (RFC 3261 keeps a UA answering for 64·T1 after a dialog ends):
/// its SIP Call-IDs, and for each agent leg that was answered, the ACK that a retransmitted 2xx gets again (§13.2.2.4).
/// </summary>
/// <remarks>Everything else of the call (INVITEs, responses, dialogs, SDP, the relay) is released when its legs actor
/// stops: this is all that lingers, kept by the gateway.</remarks>
/// <param name="SipCallIds">The customer's Call-ID and every agent leg's.</param>
/// <param name="Acks">The ACK of each answered agent INVITE, by that INVITE's client transaction.</param>
public sealed record FinishedCall(ImmutableArray<string> SipCallIds, ImmutableArray<FinishedCall.AgentAck> Acks)
{
    /// <summary>The ACK that acknowledged the 2xx of <paramref name="Invite"/>, and where it went.</summary>
    public sealed record AgentAck(ClientTransactionKey Invite, SipOutbound.SendAck Ack);
}
