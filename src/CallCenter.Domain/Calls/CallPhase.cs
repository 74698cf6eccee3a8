namespace CallCenter.Domain.Calls;

/// <summary>Where a call is in its life: New → Arrived → Queued ⇄ Offering → Connected → Ended.</summary>
public enum CallPhase
{
    /// <summary>Nothing has happened yet (an actor before its first event).</summary>
    New,

    /// <summary>Answered by the center, not yet in a queue.</summary>
    Arrived,

    /// <summary>Waiting in a queue.</summary>
    Queued,

    /// <summary>Ringing one agent.</summary>
    Offering,

    /// <summary>Talking to that agent.</summary>
    Connected,

    /// <summary>Over, with a disposition; nothing changes it any more.</summary>
    Ended,
}
