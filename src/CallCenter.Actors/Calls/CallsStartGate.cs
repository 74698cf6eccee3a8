using Akka.Actor;

namespace CallCenter.Actors.Calls;

/// <summary>
/// Holds this node's calls actor back until the node may own its node id, keeping what is sent to it meanwhile.
/// </summary>
/// <remarks>
/// The calls actor's journal is keyed by node id, and on start it closes the open calls it finds there as Interrupted.
/// A second process running under the same node id would close the first one's live calls and then write into the
/// same journal beside it. In a cluster the node therefore opens this gate only once it is a member and no other
/// member carries its node id (see the node's NodeIdGuard); a standalone node opens it at once.
/// </remarks>
public sealed class CallsStartGate : ReceiveActor, IWithUnboundedStash
{
    private readonly Props _calls;
    private readonly string _name;
    private IActorRef _opened = ActorRefs.Nobody;

    public CallsStartGate(Props calls, string name)
    {
        _calls = calls;
        _name = name;
        Receive<Open>(_ => OpenGate());
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(Props calls, string name) => Akka.Actor.Props.Create(() => new CallsStartGate(calls, name));

    private void OpenGate()
    {
        _opened = Context.ActorOf(_calls, _name);
        Become(() =>
        {
            Receive<Open>(_ => { });
            ReceiveAny(message => _opened.Forward(message));
        });
        Stash.UnstashAll();
    }

    /// <summary>Starts the calls actor and hands it everything kept so far; repeated, it does nothing.</summary>
    public sealed record Open
    {
        public static Open Instance { get; } = new();
    }
}
