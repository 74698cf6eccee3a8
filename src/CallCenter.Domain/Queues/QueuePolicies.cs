namespace CallCenter.Domain.Queues;

/// <summary>What happens to a call that arrives at a full queue.</summary>
public enum QueueFullPolicy
{
    /// <summary>The call ends as <see cref="CallDisposition.Rejected"/>.</summary>
    Reject,

    /// <summary>The call goes to <see cref="QueueSettings.OverflowQueue"/>.</summary>
    Overflow,
}

/// <summary>What happens to a call that has waited <see cref="QueueSettings.MaxWait"/>.</summary>
public enum MaxWaitPolicy
{
    /// <summary>The call ends as <see cref="CallDisposition.Timeout"/>.</summary>
    Timeout,

    /// <summary>The call goes to <see cref="QueueSettings.OverflowQueue"/>.</summary>
    Overflow,
}

/// <summary>What waiting calls do while no agent of the queue is logged in.</summary>
public enum NoAgentsPolicy
{
    /// <summary>They keep waiting.</summary>
    Wait,

    /// <summary>After <see cref="QueueSettings.LeaveWhenNoAgentsAfter"/> they end as <see cref="CallDisposition.Timeout"/>.</summary>
    Leave,

    /// <summary>After <see cref="QueueSettings.LeaveWhenNoAgentsAfter"/> they go to <see cref="QueueSettings.OverflowQueue"/>.</summary>
    Overflow,
}
