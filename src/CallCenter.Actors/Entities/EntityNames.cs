namespace CallCenter.Actors.Entities;

/// <summary>Actor names for entity ids, which may hold any character (a SIP Call-ID has '@', '/', ...).</summary>
public static class EntityNames
{
    /// <summary>A valid, unique actor name for <paramref name="entityId"/>: reserved characters are percent-encoded.</summary>
    public static string For(string entityId) => Uri.EscapeDataString(entityId);
}
