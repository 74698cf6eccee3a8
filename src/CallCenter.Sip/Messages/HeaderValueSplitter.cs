namespace CallCenter.Sip.Messages;

/// <summary>Splits a list header's line at top-level commas, never inside quotes or angle brackets.</summary>
internal static class HeaderValueSplitter
{
    /// <summary>Adds the non-empty items of <paramref name="line"/>, trimmed, reusing the line itself when it is one item.</summary>
    public static void SplitInto(string line, List<string> values)
    {
        var position = 0;
        while (TryNextItem(line, ref position, out var item))
        {
            var (start, length) = item.GetOffsetAndLength(line.Length);
            if (length > 0)
            {
                values.Add(length == line.Length ? line : line.Substring(start, length));
            }
        }
    }

    /// <summary>
    /// Steps to the next item of a list line without allocating. Items come back trimmed; an empty item (",,", or
    /// an empty line) comes back as an empty range so validation can refuse it. Start with <paramref name="position"/> 0.
    /// </summary>
    public static bool TryNextItem(ReadOnlySpan<char> line, ref int position, out Range item)
    {
        item = default;
        if (position > line.Length)
        {
            return false;
        }

        var start = position;
        var inQuotes = false;
        var inAngle = false;
        var end = line.Length;
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                end = i;
                break;
            }
        }

        position = end + 1;
        while (start < end && line[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        item = start..end;
        return true;
    }
}
