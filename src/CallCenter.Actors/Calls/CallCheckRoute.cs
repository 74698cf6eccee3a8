using Akka.Actor;
using Akka.Hosting;

namespace CallCenter.Actors.Calls;

/// <summary>Where agents and queues send their <see cref="CallChecks"/>: this node's calls actor, found in the actor
/// registry when they recover (it is registered after them, since it needs them). Without one (entity-only specs and
/// hosts) there is nobody to ask, and recovered state is left as the journal has it.</summary>
internal static class CallCheckRoute
{
    public static bool TryFind(ActorSystem system, out IActorRef calls) =>
        ActorRegistry.For(system).TryGet<CallActor>(out calls) && !calls.IsNobody();
}
