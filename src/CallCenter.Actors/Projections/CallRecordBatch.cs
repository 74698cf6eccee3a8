using CallCenter.Domain;

namespace CallCenter.Actors.Projections;

/// <summary>The part of a projection batch both stores share: which events are new, and the records they change.</summary>
internal static class CallRecordBatch
{
    /// <summary>The offset row of the call-record projection.</summary>
    public const string ProjectionName = "call-records";

    /// <summary>
    /// Folds the events above <paramref name="stored"/> into their records, reading each record once through
    /// <paramref name="find"/> (inside the caller's transaction). Returns the changed records and how many events were applied.
    /// </summary>
    public static async Task<(IReadOnlyCollection<CallRecord> Changed, int Applied)> FoldAsync(
        IReadOnlyList<ProjectedCallEvent> events, long stored, Func<CallId, Task<CallRecord?>> find)
    {
        var records = new Dictionary<CallId, CallRecord>();
        var applied = 0;
        foreach (var projected in events)
        {
            if (projected.Offset <= stored)
            {
                continue;
            }

            var id = projected.Event.CallId;
            if (!records.TryGetValue(id, out var record))
            {
                record = await find(id) ?? new CallRecord(id);
            }

            records[id] = record.Apply(projected.Event);
            applied++;
        }

        return (records.Values, applied);
    }
}
