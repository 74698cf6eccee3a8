using CallCenter.Domain.Agents;
using CsCheck;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Properties;

public sealed class AgentInvariantsSpec
{
    private static readonly AgentId Agent = new("agent-7");
    private static readonly QueueId Queue = new("q");
    private static readonly CallId[] CallPool = [new("c0"), new("c1"), new("c2"), new("c3")];

    /// <summary>(command kind, call index, seconds to advance, free parameter).</summary>
    private static readonly Gen<(int Kind, int Call, int Advance, int Param)[]> Scripts =
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, CallPool.Length - 1], Gen.Int[0, 40], Gen.Int[0, 99]).Array[0, 80];

    private static IAgentCommand ToCommand((int Kind, int Call, int Advance, int Param) step)
    {
        var call = CallPool[step.Call];
        return step.Kind switch
        {
            0 => new AgentCommands.Register(Agent, $"sip:agent@h{step.Param % 2}", TimeSpan.FromSeconds(10 + step.Param)),
            1 => new AgentCommands.Unregister(Agent),
            2 => new AgentCommands.ExpireRegistration(Agent),
            3 => new AgentCommands.Pause(Agent, step.Param % 2 == 0 ? "break" : "lunch"),
            4 => new AgentCommands.Unpause(Agent),
            5 or 6 => new AgentCommands.OfferCall(Agent, call, Queue),
            7 => new AgentCommands.ConnectCall(Agent, call),
            8 => new AgentCommands.ReleaseReservation(Agent, call, (ReleaseReason)(step.Param % 5)),
            9 => new AgentCommands.EndCall(Agent, call),
            10 => new AgentCommands.EndWrapUp(Agent),
            _ => new AgentCommands.Configure(
                Agent, new AgentSettings(1 + (step.Param % 3), TimeSpan.FromSeconds(step.Param % 2 * 15), step.Param % 4)),
        };
    }

    [Fact]
    public void Agent_should_keep_its_invariants_under_any_command_sequence()
    {
        Scripts.Sample(script =>
        {
            var state = new AgentState(Agent);
            var now = T0;
            foreach (var step in script)
            {
                now = now.AddSeconds(step.Advance);
                var command = ToCommand(step);
                var couldTakeCall = state.CanTakeCall;
                var heldBefore = state.FindCall(CallPool[step.Call]) is not null;

                var (result, events) = state.Decide(command, now);
                state = events.Aggregate(state, (s, e) => s.Apply(e));

                Assert.Equal(result.IsOk, !events.IsEmpty);
                Assert.All(events, e => Assert.Equal((Agent, now), (e.AgentId, e.At)));
                Assert.InRange(state.Calls.Length, 0, state.Settings.Capacity);
                Assert.Equal(state.Calls.Length, state.Calls.Select(c => c.CallId).Distinct().Count());
                if (command is AgentCommands.OfferCall && result.IsOk)
                {
                    Assert.True(couldTakeCall && !heldBefore, "an offer was accepted by an agent that could not take it");
                }

                switch (state.Presence)
                {
                    case AgentPresence.Offline:
                        Assert.True(state.Calls.IsEmpty && state.PauseReason is null && state.WrapUpEndsAt is null);
                        break;
                    case AgentPresence.Paused:
                        Assert.Empty(state.Calls);
                        break;
                    case AgentPresence.Available:
                        Assert.True(state.CanTakeCall);
                        Assert.NotNull(state.Statistics.IdleSince);
                        break;
                }

                var missed = events.OfType<AgentEvents.AgentReservationReleased>().Any(e => e.Missed);
                if (missed && state.Calls.IsEmpty && state.Settings.MaxNoAnswer > 0)
                {
                    Assert.True(
                        state.ConsecutiveNoAnswers < state.Settings.MaxNoAnswer || state.PauseReason is not null,
                        $"an idle agent with {state.ConsecutiveNoAnswers} misses was not paused");
                }
            }
        }, iter: 2000);
    }
}
