using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>Queue limits as the caller lives them: a full queue, max wait, overflow to another queue.</summary>
public sealed class QueueLimitsFlowSpec : ActorSpec
{
    private static readonly QueueId Sales = new("sales");
    private static readonly QueueId Spill = new("spill");
    private static readonly AgentId Carol = new("carol");
    private static readonly CallId First = new("first");
    private static readonly CallId Second = new("second");
    private readonly CallCenterRig _rig;

    public QueueLimitsFlowSpec(ITestOutputHelper output)
        : base(output)
    {
        _rig = new CallCenterRig(this, Clock);
    }

    [Fact]
    public async Task CallCenter_should_reject_a_call_without_answering_it_when_the_queue_is_full()
    {
        await _rig.Queue(Sales, QueueSettings.Default with { MaxSize = 1 });
        _rig.Call(First, Sales);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == First);

        _rig.Call(Second, Sales);

        Assert.Equal(CallDisposition.Rejected, (await _rig.ExpectEnded(Second)).Disposition);
        await _rig.Signals.Expect<HangUpCustomer>(h => h.CallId == Second && h.Disposition == CallDisposition.Rejected);
        await _rig.Signals.ExpectNone<AnswerCustomer>(a => a.CallId == Second);
        var queue = await _rig.QueueState(Sales);
        Assert.Equal([First], queue.Calls.Select(c => c.CallId).ToArray());
        Assert.Equal(1, queue.Statistics.Rejected);
    }

    [Fact]
    public async Task CallCenter_should_time_a_call_out_after_the_queues_max_wait()
    {
        await _rig.Queue(Sales, QueueSettings.Default with { MaxWait = TimeSpan.FromSeconds(30) });
        _rig.Call(First, Sales);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == First);

        Advance(TimeSpan.FromSeconds(29));
        await _rig.Signals.ExpectNone<HangUpCustomer>();
        Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CallDisposition.Timeout, (await _rig.ExpectEnded(First)).Disposition);
        await _rig.Signals.Expect<HangUpCustomer>(h => h.CallId == First && h.Disposition == CallDisposition.Timeout);
        Assert.Equal(1, (await _rig.QueueState(Sales)).Statistics.TimedOut);
        Assert.Empty(await _rig.OpenCalls());
    }

    [Fact]
    public async Task CallCenter_should_move_a_call_to_the_overflow_queue_after_max_wait_and_ring_its_agent()
    {
        await _rig.Queue(Sales, QueueSettings.Default with
        {
            MaxWait = TimeSpan.FromSeconds(30),
            WhenMaxWait = MaxWaitPolicy.Overflow,
            OverflowQueue = Spill,
        });
        await _rig.Queue(Spill);
        await _rig.Agent(Carol, [Spill]);
        _rig.Call(First, Sales);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == First);

        Advance(TimeSpan.FromSeconds(30));

        var ring = await _rig.ExpectRing(First, Carol);
        Assert.Equal(1, ring.Leg);
        Assert.Equal(1, (await _rig.QueueState(Sales)).Statistics.Overflowed);
        Assert.Equal(First, Assert.Single((await _rig.QueueState(Spill)).Calls).CallId);
        await _rig.Signals.ExpectNone<AnswerCustomer>(a => a.CallId == First);
    }

    [Fact]
    public async Task CallCenter_should_overflow_a_call_that_finds_its_queue_full()
    {
        await _rig.Queue(Sales, QueueSettings.Default with { MaxSize = 1, WhenFull = QueueFullPolicy.Overflow, OverflowQueue = Spill });
        await _rig.Queue(Spill);
        _rig.Call(First, Sales);
        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == First);

        _rig.Call(Second, Sales);

        await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == Second);
        Assert.Equal(Second, Assert.Single((await _rig.QueueState(Spill)).Calls).CallId);
        Assert.Equal(First, Assert.Single((await _rig.QueueState(Sales)).Calls).CallId);
    }
}
