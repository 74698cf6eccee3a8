namespace CallCenter.Media.Relay;

/// <summary>What a packet's source address did to a leg's latch.</summary>
internal enum LatchOutcome
{
    /// <summary>From the address already latched.</summary>
    Same,

    /// <summary>The first packet the leg ever accepted; now latched.</summary>
    First,

    /// <summary>Latched to a new address (NAT rebinding, re-INVITE, or the old source went quiet).</summary>
    Moved,

    /// <summary>From a stranger while the latched source is alive: dropped.</summary>
    Refused,
}
