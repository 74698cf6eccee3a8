using System.Collections.Immutable;
using Akka.Persistence.Journal;
using CallCenter.Domain;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// Write-side event adapter (bound in the persistence HOCON) that tags each event by its entity kind, so read-side
/// projections can follow all calls, agents or queues without knowing their persistence ids.
/// </summary>
public sealed class EventTagger : IWriteEventAdapter
{
    private static readonly ImmutableHashSet<string> CallTags = [EventTags.Call];
    private static readonly ImmutableHashSet<string> AgentTags = [EventTags.Agent];
    private static readonly ImmutableHashSet<string> QueueTags = [EventTags.Queue];

    // The payload keeps its own manifest (CallCenterSerializer); the adapter adds none.
    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => TagsOf(evt) is { } tags ? new Tagged(evt, tags) : evt;

    /// <summary>The tags of <paramref name="evt"/>, or null when it is not a call, agent or queue event.</summary>
    public static ImmutableHashSet<string>? TagsOf(object evt) => evt switch
    {
        ICallEvent => CallTags,
        IAgentEvent => AgentTags,
        IQueueEvent => QueueTags,
        _ => null,
    };
}
