using CallCenter.Domain;
using CallCenter.Media.Relay;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>Where one SIP leg of a call stands.</summary>
internal enum LegPhase
{
    /// <summary>The INVITE has no final response yet (ours to the customer, the agent's to us).</summary>
    Inviting,

    /// <summary>Customer leg only: our 200 went out, its ACK has not come.</summary>
    Answered,

    /// <summary>The dialog is confirmed and acknowledged: media flows.</summary>
    Up,

    /// <summary>Agent leg only: we sent CANCEL and wait for the INVITE's final response.</summary>
    Cancelling,

    /// <summary>We sent BYE and wait for its response.</summary>
    Ending,

    Ended,
}

/// <summary>The state one SIP leg of a call keeps in its <see cref="CallLegsActor"/> (actor-private, mutable).</summary>
internal abstract class SipLeg(MediaLegId media, SipEndPoint source, bool behindNat)
{
    public MediaLegId Media { get; } = media;

    /// <summary>Where the peer's packets come from (customer) or where its INVITE went (agent): the fallback next hop.</summary>
    public SipEndPoint Source { get; } = source;

    /// <summary>The peer sits behind a NAT: every request goes to <see cref="Source"/>, whatever its URIs say.</summary>
    public bool BehindNat { get; } = behindNat;

    public LegPhase Phase { get; set; } = LegPhase.Inviting;

    public SipDialog? Dialog { get; set; }

    /// <summary>Our SDP as last sent on this leg (offer or answer): the base of the next version.</summary>
    public SessionDescription? LocalSdp { get; set; }

    public ClientTransactionKey? ByeKey { get; set; }

    /// <summary>The call already ended on the other side: this leg's own end need not be reported.</summary>
    public bool HangupOrdered { get; set; }

    /// <summary>Our in-dialog OPTIONS still waiting for its final response (one at a time).</summary>
    public ClientTransactionKey? ProbeKey { get; set; }

    /// <summary>The name of this leg's probe timer in its actor.</summary>
    public abstract string ProbeTimer { get; }

    public abstract string SipCallId { get; }

    public bool IsEnded => Phase == LegPhase.Ended;
}

/// <summary>The caller's leg: we are its UAS.</summary>
internal sealed class CustomerLeg(IncomingRequest invite, bool behindNat) : SipLeg(MediaLegId.Customer, invite.Remote, behindNat)
{
    public IncomingRequest Invite { get; } = invite;

    public TransactionKey Transaction { get; } = invite.Transaction!;

    public override string SipCallId { get; } = invite.Request.CallId!;

    public override string ProbeTimer => "probe-customer";

    /// <summary>Our 200 OK, built when the call is accepted and sent when the CallActor answers.</summary>
    public SipResponse? Ok { get; set; }

    /// <summary>The INVITE had no SDP: our 200 carries the offer and the caller's ACK must carry the answer.</summary>
    public bool AwaitsAnswerInAck { get; set; }

    /// <summary>The caller's latest ACK, read for the SDP answer once it acknowledges our first 200.</summary>
    public SipRequest? LastAck { get; set; }

    /// <summary>180 Ringing went out: the queue's answer delay runs.</summary>
    public bool RingbackSent { get; set; }

    /// <summary>The call wants this leg gone but its ACK has not come yet: BYE as soon as it does (§15).</summary>
    public bool ByeWanted { get; set; }
}

/// <summary>One INVITE to an agent's phone (one offer of the call): we are its UAC.</summary>
internal sealed class AgentLeg(AgentId agentId, int number, SipRequest invite, ClientTransactionKey key, SipEndPoint destination, bool behindNat)
    : SipLeg(MediaLegId.Agent, destination, behindNat)
{
    public AgentId AgentId { get; } = agentId;

    /// <summary>The call's offer number this leg answers to (<see cref="Signalling.SignallingCommands.RingAgent.Leg"/>).</summary>
    public int Number { get; } = number;

    public SipRequest Invite { get; } = invite;

    public ClientTransactionKey Key { get; } = key;

    public override string SipCallId { get; } = invite.CallId!;

    public override string ProbeTimer => $"probe-agent-{Number}";

    public bool RingingReported { get; set; }

    /// <summary>The ACK of the agent's 2xx: what a retransmitted 2xx gets again, also after the call.</summary>
    public SipOutbound.SendAck? Ack { get; set; }
}
