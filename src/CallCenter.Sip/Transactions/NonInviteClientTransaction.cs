using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Transactions.TransactionAction;
using static CallCenter.Sip.Transactions.TransactionInput;

namespace CallCenter.Sip.Transactions;

public enum NonInviteClientState
{
    Trying,
    Proceeding,
    Completed,
    Terminated,
}

/// <summary>
/// The non-INVITE client transaction (RFC 3261 §17.1.2): timer E retransmits the request, doubling up to T2 and
/// held at T2 once a provisional response arrived; timer F gives up; timer K absorbs final response retransmissions.
/// </summary>
public sealed record NonInviteClientTransaction : SipTransaction
{
    private NonInviteClientTransaction(ClientTransactionKey key, SipRequest request, SipEndPoint destination, SipTimers timers)
        : base(key, request, destination, timers)
    {
        RetransmitInterval = timers.E;
    }

    public NonInviteClientState State { get; private init; } = NonInviteClientState.Trying;

    /// <summary>The interval timer E was last started with.</summary>
    public TimeSpan RetransmitInterval { get; private init; }

    public override bool IsTerminated => State == NonInviteClientState.Terminated;

    public ClientTransactionKey ClientKey => (ClientTransactionKey)Key;

    /// <summary>Creates the transaction and sends the request. Throws for INVITE, ACK, or a request matching cannot key.</summary>
    public static TransactionStep Start(SipRequest request, SipEndPoint destination, SipTimers timers)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var key = ClientRequestRules.Validate(request, requiredMethod: null);
        if (request.Method == SipMethods.Invite)
        {
            throw new ArgumentException("INVITE needs an InviteClientTransaction.", nameof(request));
        }

        var transaction = new NonInviteClientTransaction(key, request, destination, timers);
        var actions = Actions();
        actions.Add(new Send(request, destination));
        if (!transaction.IsReliable)
        {
            actions.Add(new StartTimer(TransactionTimer.E, timers.E));
        }

        actions.Add(new StartTimer(TransactionTimer.F, timers.F));
        return Step(transaction, actions);
    }

    public override TransactionStep Handle(TransactionInput input) => (State, input) switch
    {
        (NonInviteClientState.Terminated, _) => Stay(),
        (NonInviteClientState.Trying, TimerFired { Timer: TransactionTimer.E }) when !IsReliable =>
            Retransmit(Timers.DoubleUpToT2(RetransmitInterval)),
        (NonInviteClientState.Proceeding, TimerFired { Timer: TransactionTimer.E }) when !IsReliable => Retransmit(Timers.T2),
        (NonInviteClientState.Trying or NonInviteClientState.Proceeding, TimerFired { Timer: TransactionTimer.F }) =>
            Step(this with { State = NonInviteClientState.Terminated }, new TimeoutToTu(TransactionTimer.F), Terminated.Instance),
        (NonInviteClientState.Trying or NonInviteClientState.Proceeding, ResponseFromWire r) => OnResponse(r.Response),
        (NonInviteClientState.Completed, TimerFired { Timer: TransactionTimer.K }) =>
            Step(this with { State = NonInviteClientState.Terminated }, Terminated.Instance),
        (NonInviteClientState.Trying or NonInviteClientState.Proceeding, TransportError) =>
            Step(this with { State = NonInviteClientState.Terminated }, TransportErrorToTu.Instance, Terminated.Instance),
        _ => Stay(),
    };

    private TransactionStep Retransmit(TimeSpan next) =>
        Step(this with { RetransmitInterval = next }, new Send(Request!, Peer), new StartTimer(TransactionTimer.E, next));

    private TransactionStep OnResponse(SipResponse response)
    {
        if (response.StatusCode < 100)
        {
            return Stay();
        }

        if (response.IsProvisional)
        {
            return Step(this with { State = NonInviteClientState.Proceeding }, new PassToTu(response));
        }

        var actions = Actions();
        if (!IsReliable)
        {
            actions.Add(new StopTimer(TransactionTimer.E));
        }

        actions.Add(new StopTimer(TransactionTimer.F));
        actions.Add(new PassToTu(response));
        var absorb = Timers.K(Peer.Protocol);
        WaitOrTerminate(actions, TransactionTimer.K, absorb);
        var next = absorb > TimeSpan.Zero ? NonInviteClientState.Completed : NonInviteClientState.Terminated;

        // Timer K only absorbs retransmitted responses: the request is not needed any more.
        return Step(this with { State = next, Request = null }, actions);
    }
}
