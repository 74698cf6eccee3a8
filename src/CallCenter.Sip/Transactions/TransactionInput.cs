using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>Everything that can happen to a transaction; a closed set, so machines switch over it exhaustively.</summary>
public abstract record TransactionInput
{
    private TransactionInput()
    {
    }

    /// <summary>A request matching the transaction arrived (a retransmission, or the ACK of an INVITE).</summary>
    public sealed record RequestFromWire(SipRequest Request) : TransactionInput;

    /// <summary>A response matching the client transaction arrived.</summary>
    public sealed record ResponseFromWire(SipResponse Response) : TransactionInput;

    /// <summary>The TU answers the server transaction's request.</summary>
    public sealed record ResponseFromTu(SipResponse Response) : TransactionInput;

    /// <summary>The TU wants the INVITE client transaction cancelled (§9.1).</summary>
    public sealed record CancelFromTu : TransactionInput
    {
        public static CancelFromTu Instance { get; } = new();
    }

    /// <summary>A timer the transaction started has fired.</summary>
    public sealed record TimerFired(TransactionTimer Timer) : TransactionInput;

    /// <summary>The transport could not deliver a message of this transaction (§17.1.4, §17.2.4).</summary>
    public sealed record TransportError : TransactionInput
    {
        public static TransportError Instance { get; } = new();
    }
}
