using CallCenter.Domain.Calls;
using CsCheck;
using static CallCenter.Domain.Calls.CallEvents;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Properties;

public sealed class CallInvariantsSpec
{
    private static readonly CallId Id = new("call-42");
    private static readonly AgentId[] AgentPool = [new("a1"), new("a2"), new("a3")];
    private static readonly QueueId[] QueuePool = [new("q1"), new("q2")];

    private static readonly Gen<(int Kind, int Pick, int Param)[]> Scripts =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[0, 99]).Array[0, 40];

    private static ICallCommand ToCommand((int Kind, int Pick, int Param) step) => step.Kind switch
    {
        0 => new CallCommands.Receive(Id, "sip:caller@example.test", QueuePool[step.Pick % 2], step.Param % 2),
        1 => new CallCommands.Enqueue(Id, QueuePool[step.Pick % 2]),
        2 => new CallCommands.Offer(Id, AgentPool[step.Pick]),
        3 => new CallCommands.Connect(Id, AgentPool[step.Pick]),
        4 => new CallCommands.FailOffer(Id, AgentPool[step.Pick], (OfferFailure)(step.Param % 4)),
        5 => new CallCommands.Hangup(Id, (Party)(step.Param % 2)),
        _ => new CallCommands.End(Id, (CallDisposition)(step.Param % 6)),
    };

    [Fact]
    public void Call_should_have_at_most_one_agent_and_end_exactly_once_under_any_command_sequence()
    {
        Scripts.Sample(script =>
        {
            var state = new CallState(Id);
            var ends = 0;
            AgentId? holder = null;
            var now = T0;
            foreach (var command in script.Select(ToCommand).Append(new CallCommands.End(Id, CallDisposition.Interrupted)))
            {
                now = now.AddSeconds(1);
                var wasEnded = state.IsEnded;
                var (result, events) = state.Decide(command, now);
                Assert.Equal(result.IsOk, !events.IsEmpty);
                if (wasEnded)
                {
                    Assert.False(result.IsOk, $"{command} changed an ended call");
                }

                foreach (var e in events)
                {
                    switch (e)
                    {
                        case CallOffered offered:
                            Assert.Null(holder);
                            holder = offered.AgentId;
                            break;
                        case CallConnected connected:
                            Assert.Equal(holder, connected.AgentId);
                            break;
                        case CallOfferFailed failed:
                            Assert.Equal(holder, failed.AgentId);
                            holder = null;
                            break;
                        case CallEnded:
                            ends++;
                            break;
                    }

                    state = state.Apply(e);
                }

                if (!state.IsEnded)
                {
                    Assert.Equal(holder, state.AgentId);
                }
            }

            // The closing Interrupted ends anything that arrived; a call that never arrived never existed.
            Assert.Equal(state.ArrivedAt is null ? 0 : 1, ends);
            Assert.Equal(state.ArrivedAt is not null, state.IsEnded);
        }, iter: 2000);
    }
}
