namespace CallCenter.Domain.Agents;

/// <summary>Why a reserved (ringing) call was taken back from an agent.</summary>
public enum ReleaseReason
{
    /// <summary>The agent's phone rang until the ring timeout.</summary>
    NoAnswer,

    /// <summary>The agent's phone answered busy.</summary>
    Busy,

    /// <summary>The agent rejected the call.</summary>
    Declined,

    /// <summary>The agent's phone could not be reached.</summary>
    Failed,

    /// <summary>The call went away (the caller hung up, or the call was moved): not the agent's miss.</summary>
    Cancelled,
}
