using System.Collections.Immutable;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// One RFC 3261 §17 transaction as an immutable state machine: <see cref="Handle"/> returns the next state and
/// the actions to perform. No clocks, threads or I/O live here, so every path is testable with plain inputs, and
/// an unexpected input in any state yields no actions rather than an exception.
/// </summary>
public abstract record SipTransaction
{
    private protected SipTransaction(TransactionKey key, SipRequest request, SipEndPoint peer, SipTimers timers)
    {
        Key = key;
        Request = request;
        _requestTo = request.Headers.First(SipHeaderNames.To);
        Peer = peer;
        Timers = timers;
    }

    // The To header value as received or sent: the same string the message holds, so keeping it costs nothing.
    private readonly string? _requestTo;

    public TransactionKey Key { get; }

    /// <summary>
    /// The request that created the transaction, or null once the transaction has its final response and only
    /// waits (absorbing retransmissions, resending what it keeps encoded): a lingering transaction must not hold the
    /// parsed request, its headers and body for 32 s.
    /// </summary>
    public SipRequest? Request { get; private protected init; }

    /// <summary>
    /// The To tag of <see cref="Request"/>, still known after the request is let go (RFC 2543 matching, CANCEL).
    /// Read from the header text on demand: only those rare cases pay for parsing it.
    /// </summary>
    public string? RequestToTag => TagOf(_requestTo);

    /// <summary>Client: where the request (and ACK, CANCEL) goes. Server: where responses go (§18.2.2).</summary>
    public SipEndPoint Peer { get; }

    public SipTimers Timers { get; }

    /// <summary>Reliable transports get no retransmissions and zero-length absorb timers.</summary>
    public bool IsReliable => Peer.Protocol.IsReliable();

    public abstract bool IsTerminated { get; }

    public abstract TransactionStep Handle(TransactionInput input);

    private protected TransactionStep Stay() => new(this, []);

    private protected static string? TagOf(string? to) =>
        to is not null && HeaderValueParser.TryParseNameAddress(to, out var address) ? address.Tag : null;

    private protected static TransactionStep Step(SipTransaction next, params ReadOnlySpan<TransactionAction> actions) =>
        new(next, ImmutableArray.Create(actions));

    private protected static TransactionStep Step(SipTransaction next, ImmutableArray<TransactionAction>.Builder actions) =>
        new(next, actions.ToImmutable());

    private protected static ImmutableArray<TransactionAction>.Builder Actions() => ImmutableArray.CreateBuilder<TransactionAction>();

    /// <summary>Starts an absorb timer, or ends the transaction at once when the timer is zero (reliable transports).</summary>
    private protected static void WaitOrTerminate(ImmutableArray<TransactionAction>.Builder actions, TransactionTimer timer, TimeSpan delay)
    {
        actions.Add(delay > TimeSpan.Zero
            ? new TransactionAction.StartTimer(timer, delay)
            : TransactionAction.Terminated.Instance);
    }
}
