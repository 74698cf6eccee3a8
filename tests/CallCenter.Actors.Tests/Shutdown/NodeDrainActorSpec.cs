using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Legs;
using CallCenter.Actors.Shutdown;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Shutdown;

/// <summary>The drain on virtual time, with the gateway and the calls index as probes. The check interval is long so
/// that the only checks are the first one, the one at the end of the grace period and those after a call's legs close.</summary>
public sealed class NodeDrainActorSpec : ActorSpec
{
    private static readonly CallId Call = new("c1");

    private static readonly NodeDrainSettings Settings = new()
    {
        GracePeriod = TimeSpan.FromSeconds(10),
        RetryAfter = TimeSpan.FromSeconds(30),
        HangUpAllowance = TimeSpan.FromSeconds(5),
        CheckInterval = TimeSpan.FromHours(1),
    };

    private readonly TestProbe _gateway;
    private readonly TestProbe _calls;
    private readonly IActorRef _drain;

    public NodeDrainActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _gateway = CreateTestProbe("gateway");
        _calls = CreateTestProbe("calls");
        _drain = Sys.ActorOf(NodeDrainActor.Props(Settings, _gateway.Ref, _calls.Ref), "drain");
    }

    [Fact]
    public async Task Drain_should_be_done_at_once_when_no_call_is_open()
    {
        _drain.Tell(NodeDrain.Drain.Instance);

        Assert.Equal(Settings.RetryAfter, (await _gateway.ExpectMsgAsync<SipGatewayDrain.StartDraining>()).RetryAfter);
        await OpenCallsAre();
        await ExpectMsgAsync<NodeDrain.Drained>();
    }

    [Fact]
    public async Task Drain_should_give_open_calls_the_grace_period_then_end_them_and_be_done_when_their_legs_close()
    {
        _drain.Tell(NodeDrain.Drain.Instance);
        await _gateway.ExpectMsgAsync<SipGatewayDrain.StartDraining>();
        await OpenCallsAre(Call);

        Advance(Settings.GracePeriod - TimeSpan.FromSeconds(1));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(1));
        await OpenCallsAre(Call);
        Assert.Equal(Call, (await _calls.ExpectMsgAsync<EndForShutdown>()).CallId);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        // The call ended (its index entry is gone) and then its legs closed: BYEs answered.
        Sys.EventStream.Publish(new CallMediaReport(Call, default, default));
        await OpenCallsAre();
        await ExpectMsgAsync<NodeDrain.Drained>();
    }

    [Fact]
    public async Task Drain_should_not_wait_for_a_call_whose_legs_never_close_beyond_the_hang_up_allowance()
    {
        _drain.Tell(NodeDrain.Drain.Instance);
        await OpenCallsAre(Call);
        Advance(Settings.GracePeriod);
        await OpenCallsAre(Call);
        await _calls.ExpectMsgAsync<EndForShutdown>();

        Advance(Settings.HangUpAllowance - TimeSpan.FromSeconds(1));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync<NodeDrain.Drained>();

        // Asked again (a second shutdown trigger), it answers at once.
        _drain.Tell(NodeDrain.Drain.Instance);
        await ExpectMsgAsync<NodeDrain.Drained>();
    }

    /// <summary>Answers the drain's next look at the calls index.</summary>
    private async Task OpenCallsAre(params CallId[] calls)
    {
        await _calls.ExpectMsgAsync<CallQueries.GetOpenCalls>();
        _calls.Reply(new CallQueries.OpenCallsResult([.. calls]));
    }
}
