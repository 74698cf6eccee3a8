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

    /// <summary>
    /// The most recent response handed to the transport while the TU may still answer (a provisional); null before
    /// the first one and once the final response is sent (then <see cref="LastFinal"/> keeps it, encoded).
    /// </summary>
    public SipResponse? LastResponse { get; private protected init; }

    /// <summary>The final response as sent, kept to answer retransmissions; null before it and after a 2xx (§17.2.1).</summary>
    public EncodedSipMessage? LastFinal { get; private protected init; }

    /// <summary>The To tag of the last response sent: a CANCEL's answers and an RFC 2543 ACK must carry it.</summary>
    public string? ResponseToTag => TagOf(ResponseTo);

    /// <summary>The To header value of the last response sent (the response's own string, parsed only when asked).</summary>
    private protected string? ResponseTo { get; init; }

    /// <summary>True while the TU may still send a final response (what a CANCEL can still interrupt).</summary>
    public abstract bool AwaitsFinalResponse { get; }
}
