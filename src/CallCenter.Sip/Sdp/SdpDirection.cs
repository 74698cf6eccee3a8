namespace CallCenter.Sip.Sdp;

/// <summary>Media direction from the point of view of the side that wrote the description (RFC 4566 §6).</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

/// <summary>Helpers for <see cref="SdpDirection"/>.</summary>
public static class SdpDirectionExtensions
{
    public static bool CanSend(this SdpDirection direction) =>
        direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    public static bool CanReceive(this SdpDirection direction) =>
        direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    public static SdpDirection FromFlags(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>The same flow seen from the other side: sendonly there is recvonly here.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) =>
        FromFlags(direction.CanReceive(), direction.CanSend());

    /// <summary>Only the flows both allow.</summary>
    public static SdpDirection Intersect(this SdpDirection direction, SdpDirection other) =>
        FromFlags(direction.CanSend() && other.CanSend(), direction.CanReceive() && other.CanReceive());

    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpAttributeNames.SendOnly,
        SdpDirection.RecvOnly => SdpAttributeNames.RecvOnly,
        SdpDirection.Inactive => SdpAttributeNames.Inactive,
        _ => SdpAttributeNames.SendRecv,
    };

    public static SdpAttribute ToAttribute(this SdpDirection direction) => new(direction.ToAttributeName());

    /// <summary>Reads a direction attribute name, case-insensitively.</summary>
    public static bool TryParse(string attributeName, out SdpDirection direction)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(attributeName, candidate.ToAttributeName(), StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }

        direction = SdpDirection.SendRecv;
        return false;
    }

    private static readonly SdpDirection[] All =
        [SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.RecvOnly, SdpDirection.Inactive];
}
