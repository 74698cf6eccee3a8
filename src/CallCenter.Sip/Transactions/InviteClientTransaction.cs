using System.Collections.Immutable;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Transactions.TransactionAction;
using static CallCenter.Sip.Transactions.TransactionInput;

namespace CallCenter.Sip.Transactions;

public enum InviteClientState
{
    Calling,
    Proceeding,
    Completed,
    Accepted,
    Terminated,
}

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1) with the RFC 6026 correction: a 2xx moves it to Accepted for
/// timer M (64·T1) instead of ending it, so retransmitted or forked 2xx responses still reach the TU (which ACKs
/// them) rather than being mistaken for stray responses. A 3xx-6xx is ACKed here, on the same branch, and
/// retransmissions of it are re-ACKed without reaching the TU again.
/// </summary>
/// <remarks>
/// CANCEL (§9.1) may only be sent once a provisional response has arrived. <see cref="CancelFromTu"/> in Calling is
/// remembered and turned into <see cref="StartCancel"/> on the first provisional; in Proceeding it is immediate.
/// Sending a CANCEL restarts timer B as the §9.1 guard: if no final response arrives within 64·T1 the INVITE is
/// given up and the TU hears a timeout.
/// </remarks>
public sealed record InviteClientTransaction : SipTransaction
{
    private InviteClientTransaction(ClientTransactionKey key, SipRequest invite, SipEndPoint destination, SipTimers timers)
        : base(key, invite, destination, timers)
    {
        RetransmitInterval = timers.A;
    }

    public InviteClientState State { get; private init; } = InviteClientState.Calling;

    /// <summary>The current timer A interval (doubles on every retransmission, with no cap for INVITE).</summary>
    public TimeSpan RetransmitInterval { get; private init; }

    /// <summary>The TU asked to cancel before any provisional response; the CANCEL goes out with the first one.</summary>
    public bool CancelPending { get; private init; }

    public bool CancelSent { get; private init; }

    /// <summary>
    /// In Completed, the ACK sent for the 3xx-6xx, encoded: every retransmission of that response gets it again
    /// (§17.1.1.3), so the INVITE itself is no longer needed.
    /// </summary>
    public EncodedSipMessage? Ack { get; private init; }

    /// <summary>True when a CANCEL may go out now (§9.1: a provisional response arrived, no final one yet).</summary>
    public bool CanCancel => State == InviteClientState.Proceeding && !CancelSent;

    public override bool IsTerminated => State == InviteClientState.Terminated;

    public ClientTransactionKey ClientKey => (ClientTransactionKey)Key;

    /// <summary>Creates the transaction and sends the INVITE. Throws when the TU-built INVITE lacks what matching needs.</summary>
    public static TransactionStep Start(SipRequest invite, SipEndPoint destination, SipTimers timers)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var key = ClientRequestRules.Validate(invite, SipMethods.Invite);
        var transaction = new InviteClientTransaction(key, invite, destination, timers);
        var actions = Actions();
        actions.Add(new Send(invite, destination));
        if (!transaction.IsReliable)
        {
            actions.Add(new StartTimer(TransactionTimer.A, timers.A));
        }

        actions.Add(new StartTimer(TransactionTimer.B, timers.B));
        return Step(transaction, actions);
    }

    public override TransactionStep Handle(TransactionInput input) => (State, input) switch
    {
        (InviteClientState.Terminated, _) => Stay(),
        (InviteClientState.Calling, TimerFired { Timer: TransactionTimer.A }) when !IsReliable => Retransmit(),
        (InviteClientState.Calling, TimerFired { Timer: TransactionTimer.B }) => TimedOut(),
        (InviteClientState.Proceeding, TimerFired { Timer: TransactionTimer.B }) when CancelSent => TimedOut(),
        (InviteClientState.Calling or InviteClientState.Proceeding, ResponseFromWire r) => OnResponse(r.Response),
        (InviteClientState.Completed, ResponseFromWire { Response.StatusCode: >= 300 }) => Step(this, new Resend(Ack!, Peer)),
        (InviteClientState.Completed, TimerFired { Timer: TransactionTimer.D }) => Ended(),
        (InviteClientState.Accepted, ResponseFromWire { Response.IsSuccess: true } r) => Step(this, new PassToTu(r.Response)),
        (InviteClientState.Accepted, TimerFired { Timer: TransactionTimer.M }) => Ended(),
        (InviteClientState.Calling or InviteClientState.Proceeding, TransportError) =>
            Step(this with { State = InviteClientState.Terminated }, TransportErrorToTu.Instance, Terminated.Instance),

        // The TU already has the final response; a lost ACK only means the server's timer H will expire.
        (InviteClientState.Completed, TransportError) => Ended(),
        (InviteClientState.Calling, CancelFromTu) => Step(this with { CancelPending = true }),
        (InviteClientState.Proceeding, CancelFromTu) when !CancelSent => SendCancel(this, Actions()),
        _ => Stay(),
    };

    private TransactionStep Retransmit()
    {
        var next = RetransmitInterval * 2;
        return Step(this with { RetransmitInterval = next }, new Send(Request!, Peer), new StartTimer(TransactionTimer.A, next));
    }

    private TransactionStep TimedOut() =>
        Step(this with { State = InviteClientState.Terminated }, new TimeoutToTu(TransactionTimer.B), Terminated.Instance);

    private TransactionStep Ended() => Step(this with { State = InviteClientState.Terminated }, Terminated.Instance);

    private TransactionStep OnResponse(SipResponse response)
    {
        if (response.StatusCode < 100)
        {
            return Stay();
        }

        if (response.IsProvisional)
        {
            if (State == InviteClientState.Proceeding)
            {
                return Step(this, new PassToTu(response));
            }

            var actions = Actions();
            StopRunningTimers(actions);
            actions.Add(new PassToTu(response));
            var proceeding = this with { State = InviteClientState.Proceeding };
            return CancelPending ? SendCancel(proceeding, actions) : Step(proceeding, actions);
        }

        var finalActions = Actions();
        StopRunningTimers(finalActions);
        if (response.IsSuccess)
        {
            finalActions.Add(new PassToTu(response));
            finalActions.Add(new StartTimer(TransactionTimer.M, Timers.M));
            // Timer M only passes retransmitted or forked 2xx responses up: the INVITE is not needed any more.
            return Step(this with { State = InviteClientState.Accepted, CancelPending = false, Request = null }, finalActions);
        }

        var waitForRetransmits = Timers.D(Peer.Protocol);
        var next = waitForRetransmits > TimeSpan.Zero ? InviteClientState.Completed : InviteClientState.Terminated;
        var ack = AckBuilder.ForNonSuccessResponse(Request!, response);
        var encoded = waitForRetransmits > TimeSpan.Zero ? EncodedSipMessage.Encode(ack) : null;
        finalActions.Add(new Send(ack, Peer) { Encoded = encoded });
        finalActions.Add(new PassToTu(response));
        WaitOrTerminate(finalActions, TransactionTimer.D, waitForRetransmits);
        return Step(this with { State = next, CancelPending = false, Request = null, Ack = encoded }, finalActions);
    }

    private void StopRunningTimers(ImmutableArray<TransactionAction>.Builder actions)
    {
        if (State == InviteClientState.Calling)
        {
            if (!IsReliable)
            {
                actions.Add(new StopTimer(TransactionTimer.A));
            }

            actions.Add(new StopTimer(TransactionTimer.B));
        }
        else if (CancelSent)
        {
            actions.Add(new StopTimer(TransactionTimer.B));
        }
    }

    private static TransactionStep SendCancel(InviteClientTransaction proceeding, ImmutableArray<TransactionAction>.Builder actions)
    {
        actions.Add(new StartCancel(CancelBuilder.ForInvite(proceeding.Request!), proceeding.Peer));
        actions.Add(new StartTimer(TransactionTimer.B, proceeding.Timers.B));
        return Step(proceeding with { CancelPending = false, CancelSent = true }, actions);
    }
}
