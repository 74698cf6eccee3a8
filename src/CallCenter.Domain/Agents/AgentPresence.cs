namespace CallCenter.Domain.Agents;

/// <summary>What an agent is doing, derived from <see cref="AgentState"/>; the strongest condition wins.</summary>
public enum AgentPresence
{
    /// <summary>No live registration: cannot be offered calls.</summary>
    Offline,

    /// <summary>Registered, idle, ready for an offer.</summary>
    Available,

    /// <summary>Holds at least one offered call that is ringing, none connected.</summary>
    Reserved,

    /// <summary>Talking on at least one call.</summary>
    OnCall,

    /// <summary>After-call work; offers are declined until it ends.</summary>
    WrapUp,

    /// <summary>Taken out of routing with a reason (break, no-answer, ...).</summary>
    Paused,
}
