using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>What a transaction asks its runtime to do; the machines themselves never touch sockets, clocks or the TU.</summary>
public abstract record TransactionAction
{
    private TransactionAction()
    {
    }

    /// <summary>Hand a message to the transport.</summary>
    public sealed record Send(SipMessage Message, SipEndPoint Destination) : TransactionAction
    {
        /// <summary>
        /// The message already serialized, when the transaction keeps it to retransmit: the transport sends these
        /// bytes, so the message is written once. A cache of <see cref="Message"/>, so equality ignores it.
        /// </summary>
        public EncodedSipMessage? Encoded { get; init; }

        public bool Equals(Send? other) =>
            other is not null && Equals(Message, other.Message) && Destination.Equals(other.Destination);

        public override int GetHashCode() => HashCode.Combine(Message, Destination);
    }

    /// <summary>Hand the transport a message sent before and kept encoded (a retransmission from a waiting transaction).</summary>
    public sealed record Resend(EncodedSipMessage Message, SipEndPoint Destination) : TransactionAction;

    /// <summary>Start (or restart) a timer; a running timer of the same name is replaced.</summary>
    public sealed record StartTimer(TransactionTimer Timer, TimeSpan Delay) : TransactionAction;

    /// <summary>Stop a timer; stopping one that is not running is harmless.</summary>
    public sealed record StopTimer(TransactionTimer Timer) : TransactionAction;

    /// <summary>Deliver a request (new server transaction, ACK for a 2xx) or a response to the TU.</summary>
    public sealed record PassToTu(SipMessage Message) : TransactionAction;

    /// <summary>Tell the TU the transaction failed by timeout: B/F (no final response) or H (no ACK).</summary>
    public sealed record TimeoutToTu(TransactionTimer Timer) : TransactionAction;

    /// <summary>Tell the TU the transaction failed because the transport could not deliver.</summary>
    public sealed record TransportErrorToTu : TransactionAction
    {
        public static TransportErrorToTu Instance { get; } = new();
    }

    /// <summary>Send this CANCEL in a new non-INVITE client transaction (the INVITE has had a provisional response).</summary>
    public sealed record StartCancel(SipRequest Cancel, SipEndPoint Destination) : TransactionAction;

    /// <summary>The transaction is over: forget it and every timer it still has running.</summary>
    public sealed record Terminated : TransactionAction
    {
        public static Terminated Instance { get; } = new();
    }
}
