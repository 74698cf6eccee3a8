namespace CallCenter.Domain;

/// <summary>Why an offered call did not reach the agent; the call goes back to its queue.</summary>
public enum OfferFailure
{
    /// <summary>The agent's phone rang until the ring timeout.</summary>
    NoAnswer,

    /// <summary>The agent's phone answered busy.</summary>
    Busy,

    /// <summary>The agent rejected the call.</summary>
    Declined,

    /// <summary>The agent could not be reached (transport or signalling error).</summary>
    Failed,
}
