using CallCenter.Domain;

namespace CallCenter.Actors.Projections;

/// <summary>
/// The read model of call records and the projection's offset. Rows and offset change in one transaction, and events at
/// or below the stored offset are skipped, so a projection that restarts anywhere neither doubles nor loses a call.
/// </summary>
public interface ICallRecordStore
{
    /// <summary>Creates the tables and indexes when missing. Every other method does this on its first call, so readers
    /// (reports, HTTP) may come before the projection has written anything.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>The journal ordering of the last projected event; 0 before the first.</summary>
    Task<long> ReadOffsetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Folds <paramref name="events"/> (in offset order) into their records and moves the offset to <paramref name="throughOffset"/>,
    /// all in one transaction. Events already covered by the stored offset are skipped.
    /// </summary>
    Task<CallRecordsProjected> ApplyAsync(IReadOnlyList<ProjectedCallEvent> events, long throughOffset, CancellationToken cancellationToken = default);

    Task<CallRecord?> FindAsync(CallId callId, CancellationToken cancellationToken = default);

    /// <summary>Records by arrival time (then id), optionally only those that arrived in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    Task<IReadOnlyList<CallRecord>> ListAsync(DateTimeOffset? from = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);
}
