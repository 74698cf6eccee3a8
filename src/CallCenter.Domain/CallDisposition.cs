namespace CallCenter.Domain;

/// <summary>How a call ended; every call ends with exactly one.</summary>
public enum CallDisposition
{
    /// <summary>An agent answered and the conversation ended normally.</summary>
    Completed,

    /// <summary>The caller hung up before an agent answered (while waiting or while an agent rang).</summary>
    Abandoned,

    /// <summary>The call waited longer than its queue allows.</summary>
    Timeout,

    /// <summary>The call was refused (queue full, no such queue).</summary>
    Rejected,

    /// <summary>Something went wrong (signalling or media failure, too many failed offers).</summary>
    Failed,

    /// <summary>The process that held the call died; recovery closed the record.</summary>
    Interrupted,
}
