using Akka.Actor;

namespace CallCenter.Actors.Calls;

/// <summary>Whom a CallActor talks to.</summary>
/// <param name="Signalling">The signalling port (<see cref="Signalling.SignallingPort"/>): SIP and media for this node's calls.</param>
/// <param name="Queues">The queue region (or local queues parent).</param>
/// <param name="Agents">The agent region (or local agents parent).</param>
public sealed record CallPorts(IActorRef Signalling, IActorRef Queues, IActorRef Agents);
