namespace CallCenter.Actors.Agents;

/// <summary>How AgentActors run.</summary>
/// <param name="Clock">The time decisions are made at.</param>
/// <param name="AnnounceInterval">How often an agent repeats its status to its queues, so a router that restarted
/// (and asks nobody) learns its candidates again.</param>
public sealed record AgentActorOptions(TimeProvider Clock, TimeSpan AnnounceInterval)
{
    public static AgentActorOptions Default { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(30));
}
