namespace CallCenter.Actors.Queues;

/// <summary>How QueueActors (and their routers) run.</summary>
/// <param name="Clock">The time decisions are made at.</param>
/// <param name="OfferTimeout">How long a router waits for an agent's answer to an offer before trying someone else.</param>
public sealed record QueueActorOptions(TimeProvider Clock, TimeSpan OfferTimeout)
{
    public static QueueActorOptions Default { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(5));
}
