using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using Xunit.Abstractions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Tests.Integration;

/// <summary>The node's call index has one write in flight; the calls opened and closed meanwhile share the next row.
/// The test journal holds the index's writes back, so the batches are the same on every machine.</summary>
public sealed class CallIndexBatchingSpec : ActorSpec
{
    private static readonly QueueId Support = new("support");
    private readonly CallCenterRig _rig;

    public CallIndexBatchingSpec(ITestOutputHelper output)
        : base(output, $"{VirtualTime}\n{TestJournalPersistence}\n{Logging}")
    {
        _rig = new CallCenterRig(this, Clock);
    }

    private static CallId C(int n) => new($"batch-{n}@customers.test");

    [Fact]
    public async Task Calls_actor_should_write_the_openings_and_closings_of_a_burst_in_fewer_rows_than_calls()
    {
        await _rig.Queue(Support, Domain.Queues.QueueSettings.Default with { MaxSize = 500 });
        var calls = Enumerable.Range(1, 200).Select(C).ToArray();
        var openings = new HoldIndex();
        await TestJournal.OnWrite.SetInterceptorAsync(openings);

        foreach (var call in calls)
        {
            _rig.Call(call, Support);
        }

        await openings.Held.WaitAsync(TimeSpan.FromSeconds(5));
        // Answered after every arrival before it: all of them have reached the index, none is open yet.
        Assert.Empty(await _rig.OpenCalls());
        openings.Release();
        foreach (var call in calls)
        {
            await _rig.Signals.Expect<AnswerCustomer>(a => a.CallId == call);
        }

        Assert.Equal(2, await JournalRows.Of(this, "calls-node-1"));

        var closings = new HoldIndex();
        await TestJournal.OnWrite.SetInterceptorAsync(closings);
        foreach (var call in calls)
        {
            _rig.Signal(new CustomerHungUp(call));
        }

        // The journal answers in the order it was asked: while the first closing is held, the other calls' CallEnded
        // are stored but not yet confirmed, so their ends reach the index together once it is released.
        await closings.Held.WaitAsync(TimeSpan.FromSeconds(5));
        await AwaitConditionAsync(() => Task.FromResult(closings.CallsEnded == calls.Length));
        closings.Release();
        await AwaitAssertAsync(async () => Assert.Empty(await _rig.OpenCalls()));
        Assert.InRange(await JournalRows.Of(this, "calls-node-1"), 3, 2 + (calls.Length / 2));
    }

    // Holds the index's writes until released; every other write goes through. Counts the calls' ends stored.
    private sealed class HoldIndex : IJournalInterceptor
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _callsEnded;

        public Task Held => _held.Task;

        public int CallsEnded => Volatile.Read(ref _callsEnded);

        public void Release() => _released.TrySetResult();

        public async Task InterceptAsync(IPersistentRepresentation message)
        {
            if (message.Payload is CallEvents.CallEnded)
            {
                Interlocked.Increment(ref _callsEnded);
            }

            if (message.PersistenceId.StartsWith("calls-", StringComparison.Ordinal))
            {
                _held.TrySetResult();
                await _released.Task;
            }
        }
    }
}
