using CallCenter.Domain.Queues;
using CallCenter.Domain.Tests.Kit;

namespace CallCenter.Domain.Tests.Queues;

/// <summary>Queues in ready-made situations.</summary>
internal static class QueueFixtures
{
    public static readonly QueueId Sales = new("sales");
    public static readonly QueueId Spill = new("spill");
    public static readonly AgentId Alice = new("alice");
    public static readonly AgentId Bob = new("bob");

    public static CallId C(int n) => new($"c-{n}");

    public static QueueState Empty(QueueSettings? settings = null, int agents = 1)
    {
        var state = new QueueState(Sales);
        if (settings is not null)
        {
            state = state.Must(new QueueCommands.Configure(Sales, settings), Steps.T0);
        }

        return agents == 0 ? state : state.Must(new QueueCommands.UpdateStaffing(Sales, agents), Steps.T0);
    }

    /// <summary>Calls c-1..c-n joined one second apart, all priority 0.</summary>
    public static QueueState With(int calls, QueueSettings? settings = null, int agents = 1)
    {
        var state = Empty(settings, agents);
        for (var i = 1; i <= calls; i++)
        {
            state = state.Must(new QueueCommands.Enqueue(Sales, C(i)), Steps.At(i));
        }

        return state;
    }

    public static CallId[] WaitingIds(this QueueState state) => [.. state.Waiting.Select(c => c.CallId)];
}
