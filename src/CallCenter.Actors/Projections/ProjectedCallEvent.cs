using CallCenter.Domain;

namespace CallCenter.Actors.Projections;

/// <summary>A call event with its read-journal offset (the journal's global ordering).</summary>
public sealed record ProjectedCallEvent(long Offset, ICallEvent Event);

/// <summary>What one committed batch did; published on the EventStream by <see cref="CallRecordProjection"/>.</summary>
/// <param name="FromOffset">The stored offset before the batch (exclusive).</param>
/// <param name="ToOffset">The stored offset after the batch (inclusive).</param>
/// <param name="Applied">Events folded into records.</param>
/// <param name="Skipped">Events at or below the stored offset (already projected by an earlier run).</param>
public sealed record CallRecordsProjected(long FromOffset, long ToOffset, int Applied, int Skipped);
