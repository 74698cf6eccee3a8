namespace CallCenter.Domain.Agents;

/// <summary>Why an agent went offline.</summary>
public enum OfflineReason
{
    /// <summary>The phone removed its registration (REGISTER with Expires: 0) or was logged out.</summary>
    Unregistered,

    /// <summary>The registration was not refreshed in time.</summary>
    Expired,
}
