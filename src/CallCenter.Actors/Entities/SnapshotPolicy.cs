namespace CallCenter.Actors.Entities;

/// <summary>When persistent actors snapshot.</summary>
public static class SnapshotPolicy
{
    /// <summary>A snapshot is taken each time the sequence number reaches a multiple of this; older ones are then deleted.</summary>
    public const int Every = 50;

    public static bool IsDue(long sequenceNr) => sequenceNr > 0 && sequenceNr % Every == 0;
}
