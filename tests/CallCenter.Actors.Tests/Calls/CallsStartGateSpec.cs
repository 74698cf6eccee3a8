using Akka.Actor;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Tests.Kit;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>The calls actor starts only when the gate opens, and nothing sent before that is lost or reordered.</summary>
public sealed class CallsStartGateSpec(ITestOutputHelper output) : ActorSpec(output)
{
    [Fact]
    public void Gate_should_start_the_calls_actor_only_when_opened_and_hand_it_what_came_before_in_order()
    {
        var started = CreateTestProbe();
        var received = CreateTestProbe();
        var gate = Sys.ActorOf(CallsStartGate.Props(Props.Create(() => new Recorder(started.Ref, received.Ref)), "calls"));

        gate.Tell("first");
        gate.Tell("second");
        started.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        gate.Tell(CallsStartGate.Open.Instance);
        started.ExpectMsg("started");
        received.ExpectMsg("first");
        received.ExpectMsg("second");

        gate.Tell(CallsStartGate.Open.Instance);
        gate.Tell("third", received.Ref);
        received.ExpectMsg("third");
        Assert.Equal(received.Ref, received.LastSender);
        started.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(IActorRef started, IActorRef received)
        {
            started.Tell("started");
            ReceiveAny(message => received.Forward(message));
        }
    }
}
