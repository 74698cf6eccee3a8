namespace CallCenter.Sip.Sdp;

/// <summary>Span helpers for the space-separated fields of SDP lines.</summary>
internal static class SdpTokens
{
    /// <summary>
    /// Splits on runs of spaces and tabs. Returns the number of fields, or more than
    /// <paramref name="ranges"/> can hold when there are too many (the extra ones are not recorded).
    /// </summary>
    public static int Split(ReadOnlySpan<char> text, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsBlank(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && !IsBlank(text[i]))
            {
                i++;
            }

            if (count < ranges.Length)
            {
                ranges[count] = start..i;
            }

            count++;
            if (count > ranges.Length)
            {
                return count;
            }
        }

        return count;
    }

    public static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>token-char of RFC 4566 §9: visible ASCII except " ( ) , / : ; &lt; = &gt; ? @ [ \ ].</summary>
    public static bool IsTokenChar(char c) =>
        c == '!' || c is >= '#' and <= '\'' || c is '*' or '+' or '-' or '.'
        || c is >= '0' and <= '9' || c is >= 'A' and <= 'Z' || c is >= '^' and <= '~';

    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A non-empty run of visible characters (RFC 4566 non-ws-string).</summary>
    public static bool IsNonWhitespace(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c <= ' ' || c == '\u007F')
            {
                return false;
            }
        }

        return true;
    }
}
