using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>What the INVITE and non-INVITE server transactions share: the last response sent, resent on retransmissions.</summary>
public abstract record ServerTransaction : SipTransaction
{
    private protected ServerTransaction(TransactionKey key, SipRequest request, SipEndPoint responseDestination, SipTimers timers)
        : base(key, request, responseDestination, timers)
    {
    }

    /// <summary>The most recent response handed to the transport, or null before the first one.</summary>
    public SipResponse? LastResponse { get; private protected init; }

    /// <summary>True while the TU may still send a final response (what a CANCEL can still interrupt).</summary>
    public abstract bool AwaitsFinalResponse { get; }
}
