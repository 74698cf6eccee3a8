using CallCenter.Domain.Queues;
using CsCheck;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Properties;

public sealed class QueueInvariantsSpec
{
    private static readonly QueueId Queue = new("q");
    private static readonly QueueId Spill = new("spill");
    private static readonly AgentId[] AgentPool = [new("a1"), new("a2")];

    private static readonly Gen<QueueSettings> SettingsGen =
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Bool)
            .Select((size, wait, noAgents, attempts, overflow) => QueueSettings.Default with
            {
                MaxSize = size,
                MaxWait = wait == 0 ? null : TimeSpan.FromSeconds(30 * wait),
                WhenMaxWait = overflow ? MaxWaitPolicy.Overflow : MaxWaitPolicy.Timeout,
                WhenFull = overflow ? QueueFullPolicy.Overflow : QueueFullPolicy.Reject,
                WhenNoAgents = (NoAgentsPolicy)noAgents,
                LeaveWhenNoAgentsAfter = TimeSpan.FromSeconds(20),
                OverflowQueue = Spill,
                MaxAttempts = attempts,
            });

    private static readonly Gen<(int Kind, int Call, int Param, int Advance)[]> Scripts =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[0, 99], Gen.Int[0, 25]).Array[0, 80];

    private static IQueueCommand ToCommand((int Kind, int Call, int Param, int Advance) step)
    {
        var call = new CallId($"c{step.Call}");
        var agent = AgentPool[step.Param % 2];
        return step.Kind switch
        {
            0 or 1 => new QueueCommands.Enqueue(Queue, call, step.Param % 3),
            2 => new QueueCommands.StartOffer(Queue, call, agent),
            3 => new QueueCommands.Requeue(Queue, call, agent, (OfferFailure)(step.Param % 4)),
            4 => new QueueCommands.MarkAnswered(Queue, call, agent),
            5 => new QueueCommands.Remove(Queue, call, (CallDisposition)(step.Param % 6)),
            6 => new QueueCommands.Tick(Queue),
            _ => new QueueCommands.UpdateStaffing(Queue, step.Param % 3),
        };
    }

    [Fact]
    public void Queue_should_keep_order_positions_size_and_counts_under_any_command_sequence()
    {
        Gen.Select(SettingsGen, Scripts).Sample((settings, script) =>
        {
            var state = new QueueState(Queue).Must(new QueueCommands.Configure(Queue, settings), T0);
            var now = T0;
            foreach (var step in script)
            {
                now = now.AddSeconds(step.Advance);
                var (result, events) = state.Decide(ToCommand(step), now);
                Assert.Equal(result.IsOk, !events.IsEmpty);
                state = events.Aggregate(state, (s, e) => s.Apply(e));

                for (var i = 1; i < state.Calls.Length; i++)
                {
                    Assert.True(state.Calls[i - 1].ComesBefore(state.Calls[i]), "calls out of priority/arrival order");
                }

                Assert.Equal(state.Calls.Length, state.Calls.Select(c => c.CallId).Distinct().Count());
                Assert.InRange(state.Calls.Length, 0, settings.MaxSize);
                var waiting = state.Waiting.ToArray();
                Assert.Equal(waiting.Length, state.Length);
                Assert.Equal(Enumerable.Range(1, waiting.Length), waiting.Select(c => state.PositionOf(c.CallId)!.Value));

                var s = state.Statistics;
                Assert.Equal(s.Offered, s.Answered + s.Abandoned + s.TimedOut + s.Rejected + s.Overflowed + s.Failed + state.Calls.Length);

                if (step.Kind == 6)
                {
                    Assert.All(waiting, c => Assert.True(state.DeadlineOf(c) is not { } due || due.At > now, "a due call survived a tick"));
                }

                var next = state.NextDeadline;
                Assert.All(waiting, c => Assert.True(state.DeadlineOf(c) is not { } due || due.At >= next));
            }
        }, iter: 1000);
    }

    [Fact]
    public void Queue_should_order_waiting_calls_by_priority_then_arrival()
    {
        Gen.Int[0, 4].Array[0, 30].Sample(priorities =>
        {
            var state = new QueueState(Queue);
            for (var i = 0; i < priorities.Length; i++)
            {
                state = state.Must(new QueueCommands.Enqueue(Queue, new CallId($"c{i}"), priorities[i]), T0.AddSeconds(i));
            }

            var expected = priorities
                .Select((priority, arrival) => (priority, arrival))
                .OrderByDescending(x => x.priority)
                .ThenBy(x => x.arrival)
                .Select(x => $"c{x.arrival}");
            Assert.Equal(expected, state.Waiting.Select(c => c.CallId.Value));
        });
    }
}
