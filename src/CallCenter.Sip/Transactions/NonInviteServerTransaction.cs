using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Transactions.TransactionAction;
using static CallCenter.Sip.Transactions.TransactionInput;

namespace CallCenter.Sip.Transactions;

public enum NonInviteServerState
{
    Trying,
    Proceeding,
    Completed,
    Terminated,
}

/// <summary>
/// The non-INVITE server transaction (RFC 3261 §17.2.2): retransmitted requests are absorbed until the TU answers,
/// then answered with the last response; timer J keeps the final response available for retransmissions (UDP).
/// </summary>
public sealed record NonInviteServerTransaction : ServerTransaction
{
    private NonInviteServerTransaction(TransactionKey key, SipRequest request, SipEndPoint responseDestination, SipTimers timers)
        : base(key, request, responseDestination, timers)
    {
    }

    public NonInviteServerState State { get; private init; } = NonInviteServerState.Trying;

    public override bool AwaitsFinalResponse => State is NonInviteServerState.Trying or NonInviteServerState.Proceeding;

    public override bool IsTerminated => State == NonInviteServerState.Terminated;

    /// <summary>Creates the transaction for a new non-INVITE request and passes the request to the TU.</summary>
    public static TransactionStep Create(TransactionKey key, SipRequest request, SipEndPoint remote, SipTimers timers)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timers);
        if (request.Method is SipMethods.Invite or SipMethods.Ack)
        {
            throw new ArgumentException($"{request.Method} has no non-INVITE server transaction.", nameof(request));
        }

        var transaction = new NonInviteServerTransaction(key, request, ResponseDestination.For(request, remote), timers);
        return Step(transaction, new PassToTu(request));
    }

    public override TransactionStep Handle(TransactionInput input) => (State, input) switch
    {
        (NonInviteServerState.Terminated, _) => Stay(),
        (NonInviteServerState.Trying, RequestFromWire) => Stay(),
        (NonInviteServerState.Proceeding, RequestFromWire) => Step(this, new Send(LastResponse!, Peer)),
        (NonInviteServerState.Completed, RequestFromWire) => Step(this, new Resend(LastFinal!, Peer)),
        (NonInviteServerState.Trying or NonInviteServerState.Proceeding, ResponseFromTu r) => OnTuResponse(r.Response),
        (NonInviteServerState.Completed, TimerFired { Timer: TransactionTimer.J }) =>
            Step(this with { State = NonInviteServerState.Terminated }, Terminated.Instance),
        (_, TransportError) =>
            Step(this with { State = NonInviteServerState.Terminated }, TransportErrorToTu.Instance, Terminated.Instance),
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
            return Step(
                this with { State = NonInviteServerState.Proceeding, LastResponse = response, ResponseTo = response.Headers.First(SipHeaderNames.To) },
                new Send(response, Peer));
        }

        var absorb = Timers.J(Peer.Protocol);
        var next = absorb > TimeSpan.Zero ? NonInviteServerState.Completed : NonInviteServerState.Terminated;

        // Timer J only absorbs retransmissions: keep the final response encoded, let the request and parsed messages go.
        var encoded = absorb > TimeSpan.Zero ? EncodedSipMessage.Encode(response) : null;
        var actions = Actions();
        actions.Add(new Send(response, Peer) { Encoded = encoded });
        WaitOrTerminate(actions, TransactionTimer.J, absorb);
        return Step(
            this with { State = next, Request = null, LastResponse = null, LastFinal = encoded, ResponseTo = response.Headers.First(SipHeaderNames.To) },
            actions);
    }
}
