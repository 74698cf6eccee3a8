namespace CallCenter.Media.Relay;

/// <summary>The two sides of a relayed call.</summary>
public enum MediaLegId
{
    /// <summary>Leg A: the caller waiting in (or talking from) the queue.</summary>
    Customer,

    /// <summary>Leg B: the agent's phone.</summary>
    Agent,
}
