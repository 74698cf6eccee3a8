using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The RFC 3261 timer base values and the transaction timers derived from them (§17, Table 4; RFC 6026 for L and M).
/// An instance is injected into every transaction, so tests and LAN deployments can shorten T1 without static state.
/// </summary>
public sealed record SipTimers
{
    private static readonly TimeSpan MinimumWaitForResponseRetransmits = TimeSpan.FromSeconds(32);

    public SipTimers(TimeSpan t1, TimeSpan t2, TimeSpan t4)
    {
        // Configuration, not network input: a zero T1 would make retransmission loops spin, so refuse it loudly.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t1, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(t2, t1);
        ArgumentOutOfRangeException.ThrowIfLessThan(t4, TimeSpan.Zero);
        T1 = t1;
        T2 = t2;
        T4 = t4;
    }

    /// <summary>T1 500 ms, T2 4 s, T4 5 s: the RFC 3261 defaults.</summary>
    public static SipTimers Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Round-trip time estimate.</summary>
    public TimeSpan T1 { get; }

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; }

    /// <summary>Maximum time a message stays in the network.</summary>
    public TimeSpan T4 { get; }

    /// <summary>64·T1: the transaction timeout shared by timers B, F, H, L, M and (on UDP) J.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>INVITE request retransmit interval, initial value (UDP only); it doubles with no cap.</summary>
    public TimeSpan A => T1;

    /// <summary>INVITE transaction timeout.</summary>
    public TimeSpan B => TransactionTimeout;

    /// <summary>
    /// Wait time for response retransmits: at least 32 s on UDP, and never shorter than the server's timer H
    /// (64·T1) when T1 is configured larger than the default; 0 on reliable transports.
    /// </summary>
    public TimeSpan D(SipProtocol protocol) =>
        protocol.IsReliable() ? TimeSpan.Zero : Max(MinimumWaitForResponseRetransmits, TransactionTimeout);

    /// <summary>Non-INVITE request retransmit interval, initial value (UDP only); doubles up to T2.</summary>
    public TimeSpan E => T1;

    /// <summary>Non-INVITE transaction timeout.</summary>
    public TimeSpan F => TransactionTimeout;

    /// <summary>INVITE response retransmit interval, initial value (UDP only); doubles up to T2.</summary>
    public TimeSpan G => T1;

    /// <summary>Wait time for ACK receipt.</summary>
    public TimeSpan H => TransactionTimeout;

    /// <summary>Wait time for ACK retransmits: T4 on UDP, 0 on reliable transports.</summary>
    public TimeSpan I(SipProtocol protocol) => protocol.IsReliable() ? TimeSpan.Zero : T4;

    /// <summary>Wait time for non-INVITE request retransmits: 64·T1 on UDP, 0 on reliable transports.</summary>
    public TimeSpan J(SipProtocol protocol) => protocol.IsReliable() ? TimeSpan.Zero : TransactionTimeout;

    /// <summary>Wait time for response retransmits: T4 on UDP, 0 on reliable transports.</summary>
    public TimeSpan K(SipProtocol protocol) => protocol.IsReliable() ? TimeSpan.Zero : T4;

    /// <summary>RFC 6026: how long an INVITE server transaction stays Accepted after a 2xx, on every transport.</summary>
    public TimeSpan L => TransactionTimeout;

    /// <summary>RFC 6026: how long an INVITE client transaction stays Accepted after a 2xx, on every transport.</summary>
    public TimeSpan M => TransactionTimeout;

    /// <summary>The next interval of a retransmit timer that doubles up to T2 (timers E and G).</summary>
    public TimeSpan DoubleUpToT2(TimeSpan current) => Min(current * 2, T2);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
