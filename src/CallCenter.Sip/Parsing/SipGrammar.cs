using System.Buffers;

namespace CallCenter.Sip.Parsing;

/// <summary>Character classes of RFC 3261 §25.1.</summary>
internal static class SipGrammar
{
    /// <summary>Controls no header grammar allows outside a quoted-pair: everything below SP but HTAB, and DEL.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private const string AlphaNumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string UnreservedChars = AlphaNumeric + "-_.!~*'()";

    /// <summary>token = 1*( alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" ).</summary>
    public static readonly SearchValues<char> TokenChars = SearchValues.Create(AlphaNumeric + "-.!%*_+`'~");

    /// <summary>user = 1*( unreserved / escaped / user-unreserved ); '%' is checked apart, as the start of an escape.</summary>
    public static readonly SearchValues<char> UserChars = SearchValues.Create(UnreservedChars + "&=+$,;?/");

    public static readonly SearchValues<char> PasswordChars = SearchValues.Create(UnreservedChars + "&=+$,");

    /// <summary>paramchar = param-unreserved / unreserved / escaped.</summary>
    public static readonly SearchValues<char> UriParamChars = SearchValues.Create(UnreservedChars + "[]/:&+$");

    /// <summary>hnv-unreserved / unreserved / escaped, plus the separators of the headers part.</summary>
    public static readonly SearchValues<char> UriHeaderChars = SearchValues.Create(UnreservedChars + "[]/?:+$&=");

    /// <summary>What a Via or header parameter value may hold unquoted: token, or host-like text (received=[::1]).</summary>
    public static readonly SearchValues<char> ParameterValueChars = SearchValues.Create(AlphaNumeric + "-.!%*_+`'~:[]");

    public static bool IsTokenChar(char c) => TokenChars.Contains(c);

    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    /// <summary>The length of the token at the start of <paramref name="text"/> (0 when there is none).</summary>
    public static int TokenLength(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExcept(TokenChars);
        return end < 0 ? text.Length : end;
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    public static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\u007f';

    /// <summary>Checks the text is a run of allowed characters and well-formed %HH escapes.</summary>
    public static bool IsEscapedRun(ReadOnlySpan<char> text, SearchValues<char> allowed)
    {
        while (true)
        {
            var other = text.IndexOfAnyExcept(allowed);
            if (other < 0)
            {
                return true;
            }

            if (text[other] != '%' || other + 2 >= text.Length || !char.IsAsciiHexDigit(text[other + 1])
                || !char.IsAsciiHexDigit(text[other + 2]))
            {
                return false;
            }

            text = text[(other + 3)..];
        }
    }

    public static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>Finds the end of a quoted-string starting at <paramref name="start"/> (a quote); -1 when unterminated.</summary>
    public static int EndOfQuotedString(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny('"', '\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (text[i] == '"')
            {
                return i + 1;
            }

            // A backslash escapes the next character, whatever it is.
            i += 2;
        }

        return -1;
    }

    /// <summary>
    /// True when a header value holds a control character no grammar allows: the only place one may appear is a
    /// quoted-pair (backslash, then any octet but CR and LF) inside a quoted string (§25.1).
    /// </summary>
    public static bool HasForbiddenControl(ReadOnlySpan<char> value)
    {
        var first = value.IndexOfAny(Controls);
        if (first < 0)
        {
            return false;
        }

        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes && c == '\\')
            {
                if (i + 1 < value.Length && value[i + 1] is '\r' or '\n')
                {
                    return true;
                }

                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when text holds any control character but HTAB (reason phrases, request lines).</summary>
    public static bool HasControl(ReadOnlySpan<char> text) => text.IndexOfAny(Controls) >= 0;
}
