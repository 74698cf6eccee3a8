using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;
using static CallCenter.Actors.Queues.QueueNotifications;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Calls;

/// <summary>Which journal writes the customer waits for before the 200 OK: the node's index and the call's arrival,
/// not the queue's CallJoined nor the call's CallQueued.</summary>
public sealed class AnswerPathSpec : ActorSpec
{
    private static readonly CallId Call = new("answer-path@customers.test");
    private static readonly QueueId Support = new("support");

    public AnswerPathSpec(ITestOutputHelper output)
        : base(output, $"{VirtualTime}\n{TestJournalPersistence}\n{Logging}")
    {
    }

    [Fact]
    public async Task CallActor_should_answer_the_customer_while_its_queued_event_is_still_being_written()
    {
        var signalling = CreateTestProbe("signalling");
        var queues = CreateTestProbe("queues");
        var gate = new Hold(p => p is CallEvents.CallQueued);
        await TestJournal.OnWrite.SetInterceptorAsync(gate);
        var call = CreateTestProbe("parent").ChildActorOf(
            CallActor.Props(Call, new CallPorts(signalling.Ref, queues.Ref, CreateTestProbe("agents").Ref), Clock, CallStart.New));
        call.Tell(new CallCommands.Receive(Call, "sip:carol@customers.test", Support), ActorRefs.NoSender);
        await queues.ExpectMsgAsync<QueueCommands.Enqueue>();

        call.Tell(new JoinedQueue(Call, Support), queues.Ref);

        await gate.Held.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new AnswerCustomer(Call), await signalling.ExpectMsgAsync<AnswerCustomer>());
        gate.Release();
        call.Tell(new CallQueries.GetCallState(Call), TestActor);
        Assert.Equal(CallPhase.Queued, (await ExpectMsgAsync<CallQueries.CallStateResult>()).State.Phase);
    }

    [Fact]
    public async Task Queue_and_call_should_answer_the_customer_while_the_queue_and_the_call_still_write_the_join()
    {
        var rig = new CallCenterRig(this, Clock);
        await rig.Queue(Support);
        var gate = new Hold(p => p is QueueEvents.CallJoined or CallEvents.CallQueued);
        await TestJournal.OnWrite.SetInterceptorAsync(gate);

        rig.Call(Call, Support);

        await gate.Held.WaitAsync(TimeSpan.FromSeconds(5));
        await rig.Signals.Expect<AnswerCustomer>(a => a.CallId == Call);
        gate.Release();
        Assert.Equal(Call, Assert.Single((await rig.QueueState(Support)).Calls).CallId);
        rig.Calls.Tell(new CallQueries.GetCallState(Call), TestActor);
        Assert.Equal(CallPhase.Queued, (await ExpectMsgAsync<CallQueries.CallStateResult>()).State.Phase);
    }

    // Lets every write through except those of the chosen events, which wait until released.
    private sealed class Hold(Func<object, bool> held) : IJournalInterceptor
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Held => _held.Task;

        public void Release() => _released.TrySetResult();

        public async Task InterceptAsync(IPersistentRepresentation message)
        {
            if (held(message.Payload))
            {
                _held.TrySetResult();
                await _released.Task;
            }
        }
    }
}
