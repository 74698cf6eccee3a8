using Akka.Actor;
using CallCenter.Domain.Calls;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// An EventStream subscriber that timestamps <see cref="CallEvents.CallArrived"/> on the publishing thread. A CallActor
/// publishes it right after the write and, in the same handler, asks its queue to enqueue the call: this is the enqueue
/// instant, without the mailbox delay a subscribing actor would add.
/// </summary>
internal sealed class ArrivalRecorder : MinimalActorRef
{
    private readonly CallBook _book;

    public ArrivalRecorder(ActorSystem system, CallBook book)
    {
        _book = book;
        Provider = ((ExtendedActorSystem)system).Provider;
        Path = Provider.TempPath();
    }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is CallEvents.CallArrived arrived)
        {
            _book.Enqueued(arrived.CallId);
        }
    }
}
