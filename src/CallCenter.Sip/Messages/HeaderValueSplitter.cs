using System.Buffers;

namespace CallCenter.Sip.Messages;

/// <summary>Splits a list header's line at top-level commas, never inside quotes or angle brackets.</summary>
internal static class HeaderValueSplitter
{
    private static readonly SearchValues<char> Delimiters = SearchValues.Create(",\"<>");

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
        var end = line.Length;
        var inAngle = false;
        var i = start;
        while (i < line.Length)
        {
            // Jump to the next character that matters instead of stepping through every one.
            var next = line[i..].IndexOfAny(Delimiters);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = line[i];
            if (c == '"')
            {
                var close = EndOfQuoted(line, i);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            if (c == ',' && !inAngle)
            {
                end = i;
                break;
            }

            inAngle = c == '<' || (c != '>' && inAngle);
            i++;
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

    /// <summary>The index just past the quote closing the quoted string at <paramref name="open"/>; -1 when it never closes.</summary>
    private static int EndOfQuoted(ReadOnlySpan<char> line, int open)
    {
        var i = open + 1;
        while (i < line.Length)
        {
            var next = line[i..].IndexOfAny('"', '\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (line[i] == '"')
            {
                return i + 1;
            }

            i += 2;
        }

        return -1;
    }
}
