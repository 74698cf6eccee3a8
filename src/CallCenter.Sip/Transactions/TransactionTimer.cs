namespace CallCenter.Sip.Transactions;

/// <summary>The transaction timers of RFC 3261 §17 (Table 4) plus L and M of RFC 6026.</summary>
public enum TransactionTimer
{
    /// <summary>ICT: INVITE retransmission (UDP).</summary>
    A,

    /// <summary>ICT: no final response in time; also guards a cancelled INVITE (§9.1).</summary>
    B,

    /// <summary>ICT: absorbs retransmitted non-2xx finals after the ACK.</summary>
    D,

    /// <summary>NICT: request retransmission (UDP).</summary>
    E,

    /// <summary>NICT: no final response in time.</summary>
    F,

    /// <summary>IST: non-2xx final response retransmission (UDP).</summary>
    G,

    /// <summary>IST: no ACK for the non-2xx final response.</summary>
    H,

    /// <summary>IST: absorbs ACK retransmissions.</summary>
    I,

    /// <summary>NIST: absorbs request retransmissions after the final response.</summary>
    J,

    /// <summary>NICT: absorbs final response retransmissions.</summary>
    K,

    /// <summary>IST (RFC 6026): lifetime of the Accepted state after a 2xx.</summary>
    L,

    /// <summary>ICT (RFC 6026): lifetime of the Accepted state after a 2xx.</summary>
    M,
}
