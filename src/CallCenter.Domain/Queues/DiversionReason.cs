namespace CallCenter.Domain.Queues;

/// <summary>Why a queue sent a call away without an agent.</summary>
public enum DiversionReason
{
    /// <summary>The queue was full when the call arrived.</summary>
    Full,

    /// <summary>The call waited <see cref="QueueSettings.MaxWait"/>.</summary>
    MaxWait,

    /// <summary>No agent was logged in for <see cref="QueueSettings.LeaveWhenNoAgentsAfter"/>.</summary>
    NoAgents,

    /// <summary>The call failed <see cref="QueueSettings.MaxAttempts"/> offers.</summary>
    MaxAttempts,
}
