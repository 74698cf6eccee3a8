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
        var slot = (int)((uint)string.GetHashCode(value, StringComparison.Ordinal) % Slots);
        if (slots[slot] is { } cached && value.SequenceEqual(cached))
        {
            return cached;
        }

        var created = value.ToString();
        slots[slot] = created;
        return created;
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
