using static CallCenter.Domain.Queues.QueueEvents;

namespace CallCenter.Domain.Queues;

// Keeping Calls in serving order as calls join, return and leave.
public sealed partial record QueueState
{
    private static ImmutableArray<QueuedCall> Insert(ImmutableArray<QueuedCall> calls, QueuedCall call)
    {
        var index = 0;
        while (index < calls.Length && calls[index].ComesBefore(call))
        {
            index++;
        }

        return calls.Insert(index, call);
    }

    private ImmutableArray<QueuedCall> Update(CallId callId, Func<QueuedCall, QueuedCall> change) =>
        Calls.Select(c => c.CallId == callId ? change(c) : c).ToImmutableArray();

    private QueueState ApplyRequeued(CallRequeued x)
    {
        if (Find(x.CallId) is not { } call)
        {
            return this;
        }

        // Back at the head of its priority. Going ahead of ringing calls too (not only waiting ones) keeps every
        // order unique within a priority, so the serving order never depends on insertion accidents.
        var headOrder = Calls
            .Where(c => c.CallId != call.CallId && c.Priority == call.Priority)
            .Select(c => c.Order - 1)
            .Append(call.Order)
            .Min();
        var requeued = call with
        {
            Order = headOrder,
            Attempts = x.Attempts,
            OfferedTo = null,
            FailedAgents = call.FailedAgents.Remove(x.AgentId).Add(x.AgentId),
        };
        return this with { Calls = Insert(Calls.Remove(call), requeued) };
    }

    private QueueState ApplyAnswered(CallAnswered x)
    {
        var call = Find(x.CallId);
        var wait = call is null ? TimeSpan.Zero : x.At - call.EnqueuedAt;
        return this with
        {
            Calls = Calls.RemoveAll(c => c.CallId == x.CallId),
            Statistics = Statistics with
            {
                Answered = Statistics.Answered + 1,
                TotalAnswerWait = Statistics.TotalAnswerWait + wait,
            },
        };
    }

    private QueueState ApplyDiverted(CallDiverted x)
    {
        var statistics = x.Reason == DiversionReason.Full ? Statistics with { Offered = Statistics.Offered + 1 } : Statistics;
        statistics = x.OverflowTo is not null
            ? statistics with { Overflowed = statistics.Overflowed + 1 }
            : statistics.CountEnd(x.Disposition ?? CallDisposition.Failed);
        return this with { Calls = Calls.RemoveAll(c => c.CallId == x.CallId), Statistics = statistics };
    }
}
