using System.Collections.Immutable;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

/// <summary>What the gateway's children (registrar, call legs) ask of the transaction layer the gateway owns.</summary>
/// <remarks>Node-local messages: they carry SIP values and never cross nodes or reach a journal.</remarks>
public static class SipOutbound
{
    /// <summary>Answer a request through its server transaction (also the 2xx retransmissions of an INVITE).</summary>
    public sealed record Respond(TransactionKey Transaction, SipResponse Response);

    /// <summary>Send a request in a new client transaction; its responses, timeouts and its dialog's requests (by Call-ID) come back to the sender.</summary>
    public sealed record SendRequest(SipRequest Request, SipEndPoint Destination);

    /// <summary>Send the ACK for a 2xx (no transaction).</summary>
    public sealed record SendAck(SipRequest Ack, SipEndPoint Destination);

    /// <summary>CANCEL a pending INVITE client transaction.</summary>
    public sealed record Cancel(ClientTransactionKey Invite);

    /// <summary>Every leg of the sender's call has ended: the gateway stops the sender and answers the call's
    /// stragglers from <paramref name="Call"/> while it lingers.</summary>
    public sealed record Finished(FinishedCall Call);
}

/// <summary>What the gateway hands to the child that owns a transaction or a dialog's Call-ID.</summary>
public static class SipInbound
{
    /// <summary>A request for the child (new, in-dialog, or an ACK for a 2xx).</summary>
    public sealed record Request(IncomingRequest Incoming);

    public sealed record Response(ClientTransactionKey Transaction, SipResponse Message);

    /// <summary>A transaction timer gave up (B, F: no final response; H: no ACK for a non-2xx).</summary>
    public sealed record TimedOut(TransactionKey Transaction, TransactionTimer Timer);

    public sealed record TransportFailed(TransactionKey Transaction);

    /// <summary>A CANCEL ended this INVITE server transaction; the layer already answered 200 and 487.</summary>
    public sealed record Cancelled(TransactionKey Invite, SipRequest Cancel);
}

/// <summary>Questions the gateway answers about itself.</summary>
public static class SipGatewayQueries
{
    /// <summary>Where the gateway listens; answered with <see cref="Listening"/>.</summary>
    public sealed record GetListeners
    {
        public static GetListeners Instance { get; } = new();
    }

    /// <param name="EndPoints">Where the gateway listens.</param>
    /// <param name="OpenCalls">Calls it carries.</param>
    /// <param name="Transactions">Live SIP transactions (answered requests linger for their retransmissions).</param>
    public sealed record Listening(ImmutableArray<SipEndPoint> EndPoints, int OpenCalls, int Transactions = 0);
}
