using System.Collections.Immutable;
using CallCenter.Domain;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Queues;

/// <summary>Between a QueueActor and its RouterActor child (always local).</summary>
public static class RouterProtocol
{
    /// <summary>The queue's routing strategy and the staffing it last recorded.</summary>
    public sealed record RoutingConfigured(string Strategy, int LoggedInAgents);

    /// <summary>The calls waiting for an agent, in serving order (only calls the queue can reach).</summary>
    public sealed record WaitingCallsChanged(ImmutableArray<QueuedCall> Waiting);

    /// <summary>The queue has dealt with the router's accepted offer for <paramref name="CallId"/>: later waiting lists reflect it.</summary>
    public sealed record OfferRecorded(CallId CallId);
}
