using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Transactions.TransactionAction;
using static CallCenter.Sip.Transactions.TransactionInput;

namespace CallCenter.Sip.Transactions;

public enum InviteServerState
{
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1) with the RFC 6026 Accepted state.
/// </summary>
/// <remarks>
/// 100 Trying goes out at once, not after 200 ms: the TU is an actor that persists before it answers, so it can
/// rarely beat 200 ms, and an immediate 100 stops the client's timer A as early as possible.
/// A 2xx moves the transaction to Accepted for timer L (64·T1): retransmitted INVITEs are absorbed there instead
/// of looking like new requests, the TU's own 2xx retransmissions (§13.3.1.4, the dialog core's job) pass through,
/// and an ACK that matches (same branch, RFC 2543 peers) goes to the TU. The transaction never retransmits a 2xx.
/// A 3xx-6xx is retransmitted on timer G (doubling up to T2, UDP only) until the ACK arrives or timer H fires.
/// </remarks>
public sealed record InviteServerTransaction : ServerTransaction
{
    private InviteServerTransaction(TransactionKey key, SipRequest invite, SipEndPoint responseDestination, SipTimers timers)
        : base(key, invite, responseDestination, timers)
    {
        RetransmitInterval = timers.G;
    }

    public InviteServerState State { get; private init; } = InviteServerState.Proceeding;

    /// <summary>The interval timer G was last started with.</summary>
    public TimeSpan RetransmitInterval { get; private init; }

    public override bool AwaitsFinalResponse => State == InviteServerState.Proceeding;

    public override bool IsTerminated => State == InviteServerState.Terminated;

    /// <summary>Creates the transaction for a new INVITE: sends 100 Trying and passes the INVITE to the TU.</summary>
    public static TransactionStep Create(TransactionKey key, SipRequest invite, SipEndPoint remote, SipTimers timers)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timers);
        if (invite.Method != SipMethods.Invite)
        {
            throw new ArgumentException($"Expected an INVITE, got {invite.Method}.", nameof(invite));
        }

        var trying = Trying(invite);
        var transaction = new InviteServerTransaction(key, invite, ResponseDestination.For(invite, remote), timers) { LastResponse = trying };
        return Step(transaction, new Send(trying, transaction.Peer), new PassToTu(invite));
    }

    public override TransactionStep Handle(TransactionInput input) => (State, input) switch
    {
        (InviteServerState.Terminated, _) => Stay(),
        (InviteServerState.Proceeding or InviteServerState.Completed, RequestFromWire { Request.Method: SipMethods.Invite }) =>
            ResendLast(),
        (InviteServerState.Proceeding, ResponseFromTu r) => OnTuResponse(r.Response),
        (InviteServerState.Completed, RequestFromWire { Request.Method: SipMethods.Ack }) => Confirm(),
        (InviteServerState.Completed, TimerFired { Timer: TransactionTimer.G }) when !IsReliable => RetransmitFinal(),
        (InviteServerState.Completed, TimerFired { Timer: TransactionTimer.H }) =>
            Step(this with { State = InviteServerState.Terminated }, new TimeoutToTu(TransactionTimer.H), Terminated.Instance),
        (InviteServerState.Proceeding or InviteServerState.Completed, TransportError) =>
            Step(this with { State = InviteServerState.Terminated }, TransportErrorToTu.Instance, Terminated.Instance),
        (InviteServerState.Confirmed, TimerFired { Timer: TransactionTimer.I }) => Ended(),
        (InviteServerState.Accepted, RequestFromWire { Request.Method: SipMethods.Ack } r) => Step(this, new PassToTu(r.Request)),
        (InviteServerState.Accepted, ResponseFromTu { Response.IsSuccess: true } r) =>
            Step(this with { ResponseTo = r.Response.Headers.First(SipHeaderNames.To) }, new Send(r.Response, Peer)),
        (InviteServerState.Accepted, TimerFired { Timer: TransactionTimer.L }) => Ended(),

        // The 2xx and its retransmissions belong to the TU, so it decides what a failed send means for the dialog.
        (InviteServerState.Accepted, TransportError) => Step(this, TransportErrorToTu.Instance),
        _ => Stay(),
    };

    /// <summary>100 Trying: no To tag (§8.2.6.2), the request's Timestamp echoed (§8.2.6.1).</summary>
    private static SipResponse Trying(SipRequest invite)
    {
        var trying = SipResponse.For(invite, 100);
        return invite.Headers.First(SipHeaderNames.Timestamp) is { } timestamp
            ? trying.WithHeaders(h => h.Add(SipHeaderNames.Timestamp, timestamp))
            : trying;
    }

    private TransactionStep ResendLast() => (LastFinal, LastResponse) switch
    {
        ({ } final, _) => Step(this, new Resend(final, Peer)),
        (_, { } last) => Step(this, new Send(last, Peer)),
        _ => Stay(),
    };

    private TransactionStep OnTuResponse(SipResponse response)
    {
        if (response.StatusCode is < 100 or > 699)
        {
            return Stay();
        }

        if (response.IsProvisional)
        {
            return Step(this with { LastResponse = response, ResponseTo = response.Headers.First(SipHeaderNames.To) }, new Send(response, Peer));
        }

        // From here on the transaction only waits (for the ACK, or for timer L): it keeps the key, the peer, the
        // To tag and, for a 3xx-6xx, the encoded response; the request and parsed responses are let go.
        if (response.IsSuccess)
        {
            return Step(
                Waiting(InviteServerState.Accepted, response, lastFinal: null),
                new Send(response, Peer),
                new StartTimer(TransactionTimer.L, Timers.L));
        }

        var encoded = EncodedSipMessage.Encode(response);
        var actions = Actions();
        actions.Add(new Send(response, Peer) { Encoded = encoded });
        if (!IsReliable)
        {
            actions.Add(new StartTimer(TransactionTimer.G, Timers.G));
        }

        actions.Add(new StartTimer(TransactionTimer.H, Timers.H));
        return Step(Waiting(InviteServerState.Completed, response, encoded) with { RetransmitInterval = Timers.G }, actions);
    }

    private InviteServerTransaction Waiting(InviteServerState state, SipResponse final, EncodedSipMessage? lastFinal) => this with
    {
        State = state,
        Request = null,
        LastResponse = null,
        LastFinal = lastFinal,
        ResponseTo = final.Headers.First(SipHeaderNames.To),
    };

    private TransactionStep RetransmitFinal()
    {
        var next = Timers.DoubleUpToT2(RetransmitInterval);
        return Step(this with { RetransmitInterval = next }, new Resend(LastFinal!, Peer), new StartTimer(TransactionTimer.G, next));
    }

    private TransactionStep Confirm()
    {
        var actions = Actions();
        if (!IsReliable)
        {
            actions.Add(new StopTimer(TransactionTimer.G));
        }

        actions.Add(new StopTimer(TransactionTimer.H));
        var absorb = Timers.I(Peer.Protocol);
        WaitOrTerminate(actions, TransactionTimer.I, absorb);
        var next = absorb > TimeSpan.Zero ? InviteServerState.Confirmed : InviteServerState.Terminated;
        return Step(this with { State = next, LastFinal = null }, actions);
    }

    private TransactionStep Ended() => Step(this with { State = InviteServerState.Terminated }, Terminated.Instance);
}
