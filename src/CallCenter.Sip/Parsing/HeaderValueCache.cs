namespace CallCenter.Sip.Parsing;

/// <summary>
/// A small per-thread, direct-mapped cache of header value strings. Headers such as Allow, Supported, User-Agent or
/// Content-Type carry the same text in every message a given phone model sends, so reusing the last equal string
/// saves an allocation per header per message. Bounded (a fixed number of slots per thread, short values only),
/// lock-free (thread-static), and only ever returns a string equal to the input.
/// </summary>
internal static class HeaderValueCache
{
    private const int Slots = 256;
    private const int MaxCachedLength = 128;

    [ThreadStatic]
    private static string?[]? _slots;

    public static string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }

        if (value.Length > MaxCachedLength)
        {
            return value.ToString();
        }

        var slots = _slots ??= new string?[Slots];
        var slot = (int)(Hash(value) % Slots);
        if (slots[slot] is { } cached && value.SequenceEqual(cached))
        {
            return cached;
        }

        var created = value.ToString();
        slots[slot] = created;
        return created;
    }

    /// <summary>
    /// A cheap hash of the length and up to eight sampled characters. Collisions only cost a miss (the slot is
    /// overwritten, the value allocated as without a cache) and a slot holds one string, so a crafted collision
    /// cannot make anything slower than uncached parsing.
    /// </summary>
    private static uint Hash(ReadOnlySpan<char> value)
    {
        var hash = 2166136261u ^ (uint)value.Length;
        var step = Math.Max(1, value.Length / 8);
        for (var i = 0; i < value.Length; i += step)
        {
            hash = (hash ^ value[i]) * 16777619u;
        }

        return hash ^ value[^1];
    }

    /// <summary>Forgets every cached value of the calling thread (benchmarks measure the uncached cost with it).</summary>
    internal static void Clear()
    {
        if (_slots is { } slots)
        {
            Array.Clear(slots);
        }
    }
}
