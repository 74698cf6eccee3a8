namespace CallCenter.Domain.Agents;

/// <summary>The reasons an agent declines an <see cref="AgentCommands.OfferCall"/> (the Rejected result's reason).</summary>
public static class DeclineReasons
{
    /// <summary>The agent already holds as many calls as its capacity.</summary>
    public const string Busy = "busy";

    public const string Paused = "paused";

    public const string Offline = "offline";

    public const string WrapUp = "wrap-up";
}
