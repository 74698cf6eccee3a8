namespace CallCenter.Actors.Persistence;

/// <summary>The tags projections read with EventsByTag; stored in the journal, so they never change.</summary>
public static class EventTags
{
    public const string Call = "call";

    public const string Agent = "agent";

    public const string Queue = "queue";
}
