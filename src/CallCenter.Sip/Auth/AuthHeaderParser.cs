using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCenter.Sip.Auth;

/// <summary>
/// Parses a challenge or credentials header value: <c>scheme auth-param *("," auth-param)</c>
/// (RFC 3261 §25.1, RFC 7235 §2.1). Never throws: hostile input yields <c>false</c>.
/// </summary>
internal static class AuthHeaderParser
{
    /// <summary>Longest header value accepted; real digest headers are a few hundred characters.</summary>
    internal const int MaxValueLength = 4096;

    /// <summary>Most auth-params accepted; digest defines about a dozen.</summary>
    internal const int MaxParameters = 32;

    public static bool TryParse(
        ReadOnlySpan<char> input,
        [NotNullWhen(true)] out string? scheme,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? parameters)
    {
        scheme = null;
        parameters = null;
        if (input.Length > MaxValueLength)
        {
            return false;
        }

        var pos = 0;
        SkipLws(input, ref pos);
        var schemeToken = ReadToken(input, ref pos);
        if (schemeToken.IsEmpty)
        {
            return false;
        }

        var afterScheme = pos;
        SkipLws(input, ref pos);
        if (pos < input.Length && pos == afterScheme)
        {
            // "Digestrealm=..." or "Digest,realm": the scheme must be followed by whitespace.
            return false;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipLws(input, ref pos);
            if (pos == input.Length)
            {
                break;
            }

            // RFC 7230 §7: recipients accept empty list elements.
            if (input[pos] == ',')
            {
                pos++;
                continue;
            }

            var name = ReadToken(input, ref pos);
            if (name.IsEmpty)
            {
                return false;
            }

            SkipLws(input, ref pos);
            if (pos == input.Length || input[pos] != '=')
            {
                return false;
            }

            pos++;
            SkipLws(input, ref pos);
            if (!TryReadValue(input, ref pos, out var value))
            {
                return false;
            }

            // A repeated parameter is ambiguous (which one did the peer mean?), so the whole value is refused.
            if (result.Count == MaxParameters || !result.TryAdd(name.ToString(), value))
            {
                return false;
            }

            SkipLws(input, ref pos);
            if (pos < input.Length && input[pos] != ',')
            {
                return false;
            }
        }

        scheme = schemeToken.ToString();
        parameters = result;
        return true;
    }

    /// <summary>RFC 7230 tchar, a superset of the RFC 3261 token characters.</summary>
    internal static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    internal static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Characters allowed after a backslash and as plain quoted text: no controls but HTAB, no DEL.</summary>
    internal static bool IsQuotableChar(char c) => c == '\t' || (c >= ' ' && c != '\u007f');

    private static ReadOnlySpan<char> ReadToken(ReadOnlySpan<char> input, ref int pos)
    {
        var start = pos;
        while (pos < input.Length && IsTokenChar(input[pos]))
        {
            pos++;
        }

        return input[start..pos];
    }

    private static bool TryReadValue(ReadOnlySpan<char> input, ref int pos, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (pos == input.Length)
        {
            return false;
        }

        if (input[pos] != '"')
        {
            var token = ReadToken(input, ref pos);
            if (token.IsEmpty)
            {
                return false;
            }

            value = token.ToString();
            return true;
        }

        return TryReadQuoted(input, ref pos, out value);
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> input, ref int pos, [NotNullWhen(true)] out string? value)
    {
        value = null;
        var start = pos + 1;
        var i = start;
        var plain = true;
        while (true)
        {
            if (i == input.Length)
            {
                return false;
            }

            var c = input[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                if (i + 1 == input.Length || !IsQuotableChar(input[i + 1]))
                {
                    return false;
                }

                plain = false;
                i += 2;
                continue;
            }

            var foldLength = FoldLength(input, i);
            if (foldLength > 0)
            {
                plain = false;
                i += foldLength;
                continue;
            }

            if (!IsQuotableChar(c))
            {
                return false;
            }

            i++;
        }

        var content = input[start..i];
        pos = i + 1;
        value = plain ? content.ToString() : Unescape(content);
        return true;
    }

    private static string Unescape(ReadOnlySpan<char> content)
    {
        var sb = new StringBuilder(content.Length);
        var i = 0;
        while (i < content.Length)
        {
            if (content[i] == '\\')
            {
                sb.Append(content[i + 1]);
                i += 2;
                continue;
            }

            var foldLength = FoldLength(content, i);
            if (foldLength > 0)
            {
                // A folded line inside a quoted string reads as one space (RFC 3261 §7.3.1).
                sb.Append(' ');
                i += foldLength;
                continue;
            }

            sb.Append(content[i]);
            i++;
        }

        return sb.ToString();
    }

    private static void SkipLws(ReadOnlySpan<char> input, ref int pos)
    {
        while (pos < input.Length)
        {
            if (input[pos] is ' ' or '\t')
            {
                pos++;
                continue;
            }

            var foldLength = FoldLength(input, pos);
            if (foldLength == 0)
            {
                return;
            }

            pos += foldLength;
        }
    }

    /// <summary>Length of an obsolete line fold (CRLF followed by SP or HTAB) at <paramref name="pos"/>, else 0.</summary>
    private static int FoldLength(ReadOnlySpan<char> input, int pos) =>
        pos + 2 < input.Length && input[pos] == '\r' && input[pos + 1] == '\n' && input[pos + 2] is ' ' or '\t' ? 3 : 0;
}
