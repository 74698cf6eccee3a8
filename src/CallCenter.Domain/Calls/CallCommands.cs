namespace CallCenter.Domain.Calls;

/// <summary>What can be asked of a call.</summary>
public static class CallCommands
{
    /// <summary>A caller reached the center for <paramref name="QueueId"/>; higher <paramref name="Priority"/> is served first.</summary>
    public sealed record Receive(CallId CallId, string From, QueueId QueueId, int Priority = 0) : ICallCommand;

    /// <summary>A queue took the call (first its own queue, later an overflow queue).</summary>
    public sealed record Enqueue(CallId CallId, QueueId QueueId) : ICallCommand;

    /// <summary>An agent accepted the offer and is about to ring.</summary>
    public sealed record Offer(CallId CallId, AgentId AgentId) : ICallCommand;

    /// <summary>The offered agent answered.</summary>
    public sealed record Connect(CallId CallId, AgentId AgentId) : ICallCommand;

    /// <summary>The offered agent did not answer: the call waits again with one more attempt counted.</summary>
    public sealed record FailOffer(CallId CallId, AgentId AgentId, OfferFailure Reason) : ICallCommand;

    /// <summary>One side hung up; the phase decides the disposition (Completed once connected, Abandoned before).</summary>
    public sealed record Hangup(CallId CallId, Party By) : ICallCommand;

    /// <summary>Ends the call with an explicit disposition (timeout, rejection, failure, interruption).</summary>
    public sealed record End(CallId CallId, CallDisposition Disposition) : ICallCommand;
}
