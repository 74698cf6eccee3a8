using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>The node's call index writes openings without holding other calls back (PersistAsync): what arrives for a
/// call while its opening is being written must still reach it, and a repeated arrival must not open it twice.</summary>
public sealed class CallIndexSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private readonly CallCenterRig _rig;

    public CallIndexSpec(ITestOutputHelper output)
        : base(output)
    {
        _rig = new CallCenterRig(this, Clock);
    }

    private static CallId C(int n) => new($"idx-{n}@customers.test");

    [Fact]
    public async Task Calls_actor_should_deliver_a_hangup_that_comes_while_the_call_is_being_opened()
    {
        await _rig.Queue(Support);

        _rig.Call(C(1), Support);
        _rig.Signal(new CustomerHungUp(C(1)));

        Assert.Equal(CallDisposition.Abandoned, (await _rig.ExpectEnded(C(1))).Disposition);
        await AwaitAssertAsync(async () => Assert.Empty(await _rig.OpenCalls()));
        Assert.Empty((await _rig.QueueState(Support)).Calls);
    }

    [Fact]
    public async Task Calls_actor_should_open_a_call_once_when_its_arrival_is_repeated_while_it_is_being_opened()
    {
        await _rig.Queue(Support);

        _rig.Call(C(1), Support);
        _rig.Call(C(1), Support);

        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == C(1));
        Assert.Equal(C(1), Assert.Single(await _rig.OpenCalls()));
        Assert.Single((await _rig.QueueState(Support)).Calls);
        await _rig.Signals.ExpectNone<AnswerCustomer>(a => a.CallId == C(1));
    }

    [Fact]
    public async Task Calls_actor_should_open_every_call_of_a_burst()
    {
        await _rig.Queue(Support, Domain.Queues.QueueSettings.Default with { MaxSize = 500 });
        var calls = Enumerable.Range(1, 200).Select(C).ToArray();

        foreach (var call in calls)
        {
            _rig.Call(call, Support);
        }

        foreach (var call in calls)
        {
            await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == call);
        }

        Assert.Equal(calls.Order(), await _rig.OpenCalls());
        Assert.Equal(calls.Length, (await _rig.QueueState(Support)).Length);
    }
}
