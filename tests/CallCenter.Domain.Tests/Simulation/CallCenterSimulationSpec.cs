using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;

namespace CallCenter.Domain.Tests.Simulation;

public sealed class CallCenterSimulationSpec
{
    private static readonly AgentId A1 = new("a1");
    private static readonly AgentId A2 = new("a2");
    private static readonly CallId[] FiveCalls = [.. Enumerable.Range(1, 5).Select(i => new CallId($"c{i}"))];

    private static Switchboard Run(Switchboard board)
    {
        foreach (var call in FiveCalls)
        {
            board.Arrive(call);
            board.Tick();
        }

        for (var second = 0; second < 3600 && board.Calls.Values.Any(c => !c.IsEnded); second++)
        {
            board.Tick();
        }

        for (var second = 0; second < 60; second++)
        {
            board.Tick();
        }

        return board;
    }

    [Fact]
    public void Simulation_should_split_five_calls_three_two_over_two_agents_by_round_robin()
    {
        var board = Run(new Switchboard(
            QueueSettings.Default,
            new AgentSettings(WrapUpTime: TimeSpan.FromSeconds(10)),
            [A1, A2],
            talkTime: TimeSpan.FromSeconds(60)));

        Assert.All(board.Calls.Values, c => Assert.Equal(CallDisposition.Completed, c.Disposition));
        Assert.All(board.Calls.Values, c => Assert.Equal(TimeSpan.FromSeconds(60), c.TalkTime));
        Assert.Equal(
            [(FiveCalls[0], A1), (FiveCalls[1], A2), (FiveCalls[2], A1), (FiveCalls[3], A2), (FiveCalls[4], A1)],
            board.Connections);
        Assert.Equal((3, 2), (board.Agents[A1].Statistics.CallsHandled, board.Agents[A2].Statistics.CallsHandled));
        Assert.All(board.Agents.Values, a => Assert.Equal(AgentPresence.Available, a.Presence));
        Assert.Empty(board.Queue.Calls);
        Assert.Equal((5, 5), (board.Queue.Statistics.Offered, board.Queue.Statistics.Answered));
    }

    [Fact]
    public void Simulation_should_requeue_a_call_an_agent_ignores_and_complete_everything_with_the_other_agent()
    {
        var board = Run(new Switchboard(
            QueueSettings.Default,
            new AgentSettings(MaxNoAnswer: 1),
            [A1, A2],
            talkTime: TimeSpan.FromSeconds(30),
            answers: (agent, _) => agent != A1));

        Assert.All(board.Calls.Values, c => Assert.Equal(CallDisposition.Completed, c.Disposition));
        Assert.All(board.Connections, c => Assert.Equal(A2, c.Agent));
        Assert.Equal(1, board.Calls[FiveCalls[0]].Attempts);
        Assert.Equal(AgentPresence.Paused, board.Agents[A1].Presence);
        Assert.Equal(PauseReasons.NoAnswer, board.Agents[A1].PauseReason);
        Assert.Equal(AgentPresence.Available, board.Agents[A2].Presence);
        Assert.Equal(5, board.Agents[A2].Statistics.CallsHandled);
        Assert.Empty(board.Queue.Calls);
    }
}
