namespace CallCenter.Domain.Agents;

/// <summary>Pause reasons the domain itself sets; agents choose their own for the rest.</summary>
public static class PauseReasons
{
    /// <summary>Set after <see cref="AgentSettings.MaxNoAnswer"/> consecutive missed offers.</summary>
    public const string NoAnswer = "no-answer";
}
