namespace CallCenter.Domain.Queues;

/// <summary>Running totals of a queue since it was created.</summary>
/// <param name="Offered">Calls that came to the queue (joined, or turned away because it was full).</param>
/// <param name="Answered">Calls an agent answered.</param>
/// <param name="Abandoned">Callers who hung up while in the queue.</param>
/// <param name="TimedOut">Calls that ended as Timeout (max wait, or no agents).</param>
/// <param name="Rejected">Calls that ended as Rejected (queue full).</param>
/// <param name="Overflowed">Calls sent on to the overflow queue.</param>
/// <param name="Failed">Calls that ended as Failed or Interrupted while in the queue.</param>
/// <param name="TotalAnswerWait">Summed wait of the answered calls (average speed of answer = this / Answered).</param>
public sealed record QueueStatistics(
    int Offered, int Answered, int Abandoned, int TimedOut, int Rejected, int Overflowed, int Failed, TimeSpan TotalAnswerWait)
{
    public static QueueStatistics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    internal QueueStatistics CountEnd(CallDisposition disposition) => disposition switch
    {
        CallDisposition.Abandoned => this with { Abandoned = Abandoned + 1 },
        CallDisposition.Timeout => this with { TimedOut = TimedOut + 1 },
        CallDisposition.Rejected => this with { Rejected = Rejected + 1 },
        _ => this with { Failed = Failed + 1 },
    };
}
