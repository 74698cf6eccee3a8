namespace CallCenter.Media.Relay;

/// <summary>No RTP/RTCP port pair is left in the configured range: the node is at its call capacity.</summary>
public sealed class MediaPortsExhaustedException : InvalidOperationException
{
    public MediaPortsExhaustedException(int firstPort, int lastPort, int capacity, string? detail = null)
        : base($"No free RTP/RTCP port pair in {firstPort}-{lastPort}: all {capacity} pairs are taken{(detail is null ? "" : " (" + detail + ")")}. " +
               "Widen the media port range or take fewer calls.")
    {
        FirstPort = firstPort;
        LastPort = lastPort;
        Capacity = capacity;
    }

    public int FirstPort { get; }

    public int LastPort { get; }

    public int Capacity { get; }
}
