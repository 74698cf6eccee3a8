using CallCenter.Actors.Hosting;
using CallCenter.Actors.Persistence;

namespace CallCenter.Actors.Projections;

/// <summary>How the call-record projection reads the journal and how it backs off after a failure.</summary>
public sealed record CallRecordProjectionSettings : IValidatedSettings
{
    public static CallRecordProjectionSettings Default { get; } = new();

    /// <summary>The read journal's plugin id (the SQL read journal configured by <see cref="PersistenceHostingExtensions"/>).</summary>
    public string ReadJournalPluginId { get; init; } = CallCenterPersistenceConfig.ReadJournalPath;

    /// <summary>Most events written in one transaction.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Longest an event waits for its batch to fill; bounds how stale the records are.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(ReadJournalPluginId) ? "the read journal plugin id is empty"
        : BatchSize < 1 ? "the batch size must be at least 1"
        : BatchWindow <= TimeSpan.Zero ? "the batch window must be positive"
        : MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff ? "backoff needs 0 < min <= max"
        : null;
}
