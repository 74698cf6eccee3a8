using System.Text;

namespace CallCenter.Sip.Messages;

/// <summary>RFC 3261 quoted-string: double quotes with backslash escapes (quoted-pair).</summary>
public static class QuotedString
{
    /// <summary>Removes surrounding quotes and escapes; returns the input unchanged when it is not quoted.</summary>
    public static string Unquote(string value)
    {
        if (!IsQuoted(value))
        {
            return value;
        }

        return UnquoteInner(value.AsSpan(1, value.Length - 2)) ?? value.Substring(1, value.Length - 2);
    }

    /// <summary>Removes surrounding quotes and escapes; returns the text as a string when it is not quoted.</summary>
    public static string Unquote(ReadOnlySpan<char> value) =>
        IsQuoted(value) ? UnquoteInner(value[1..^1]) ?? value[1..^1].ToString() : value.ToString();

    /// <summary>
    /// Wraps text in quotes. Quotes, backslashes and control characters are escaped as quoted-pairs so the value
    /// reads back equal; CR and LF have no quoted-pair form (§25.1) and become spaces.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }

            if (c is '"' or '\\' || (c < ' ' && c != '\t') || c == '\u007f')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    private static bool IsQuoted(ReadOnlySpan<char> value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"';

    /// <summary>The unescaped inner text, or null when it holds no escape (the caller then copies it as is).</summary>
    private static string? UnquoteInner(ReadOnlySpan<char> inner)
    {
        if (!inner.Contains('\\'))
        {
            return null;
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }
}
