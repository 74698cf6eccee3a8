using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>
/// Parses <c>*( SWS ";" SWS name [ SWS "=" SWS value ] )</c> parameter lists of headers and URIs. Each list has a
/// validating walk that allocates nothing (used while parsing a message) and a building one (used when a typed
/// view is read); both step through the same reader, so they accept exactly the same text.
/// </summary>
internal static class ParameterParser
{
    private const int MaxParameters = 64;

    /// <summary>Header parameters: values are tokens, quoted strings, or host-like text (received=[::1]).</summary>
    public static bool IsValidHeaderParameters(ReadOnlySpan<char> text) => CountHeaderParameters(text) >= 0;

    /// <summary>How many parameters the list holds, or -1 when it is malformed or too long.</summary>
    private static int CountHeaderParameters(ReadOnlySpan<char> text)
    {
        var position = SipGrammar.SkipWhitespace(text, 0);
        var count = 0;
        while (position < text.Length)
        {
            if (++count > MaxParameters || !TryReadHeaderParameter(text, ref position, out _, out _, out _))
            {
                return -1;
            }
        }

        return count;
    }

    public static bool TryParseHeaderParameters(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        var position = SipGrammar.SkipWhitespace(text, 0);
        if (position == text.Length)
        {
            return true;
        }

        // Counted by the allocation-free walk first, so the list is built straight into an array of its exact size.
        var count = CountHeaderParameters(text);
        if (count < 0)
        {
            return false;
        }

        var items = new SipParameter[count];
        for (var i = 0; i < items.Length; i++)
        {
            TryReadHeaderParameter(text, ref position, out var name, out var value, out var hasValue);
            items[i] = new SipParameter(ParameterNames.Get(name), hasValue ? value.ToString() : null);
        }

        parameters = new SipParameters(items);
        return true;
    }

    /// <summary>URI parameters: <c>;name[=value]</c> with paramchars only, no whitespace (RFC 3261 §19.1.1).</summary>
    public static bool IsValidUriParameters(ReadOnlySpan<char> text) => CountUriParameters(text) >= 0;

    private static int CountUriParameters(ReadOnlySpan<char> text)
    {
        var position = 0;
        var count = 0;
        while (position < text.Length)
        {
            if (++count > MaxParameters || !TryReadUriParameter(text, ref position, out _, out _, out _))
            {
                return -1;
            }
        }

        return count;
    }

    public static bool TryParseUriParameters(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        var count = CountUriParameters(text);
        if (count < 0)
        {
            return false;
        }

        var items = new SipParameter[count];
        var position = 0;
        for (var i = 0; i < items.Length; i++)
        {
            TryReadUriParameter(text, ref position, out var name, out var value, out var hasValue);
            items[i] = new SipParameter(ParameterNames.Get(name), hasValue ? value.ToString() : null);
        }

        parameters = new SipParameters(items);
        return true;
    }

    /// <summary>Reads <c>;name[=value]</c> at <paramref name="position"/> and the whitespace after it.</summary>
    private static bool TryReadHeaderParameter(
        ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> name, out ReadOnlySpan<char> value, out bool hasValue)
    {
        name = value = default;
        hasValue = false;
        if (text[position] != ';')
        {
            return false;
        }

        position = SipGrammar.SkipWhitespace(text, position + 1);
        var nameStart = position;
        position += SipGrammar.TokenLength(text[position..]);
        if (position == nameStart)
        {
            return false;
        }

        name = text[nameStart..position];
        position = SipGrammar.SkipWhitespace(text, position);
        if (position < text.Length && text[position] == '=')
        {
            position = SipGrammar.SkipWhitespace(text, position + 1);
            if (!TryReadValue(text, ref position, out value))
            {
                return false;
            }

            hasValue = true;
            position = SipGrammar.SkipWhitespace(text, position);
        }

        return true;
    }

    private static bool TryReadUriParameter(
        ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> name, out ReadOnlySpan<char> value, out bool hasValue)
    {
        name = value = default;
        hasValue = false;
        if (text[position] != ';')
        {
            return false;
        }

        var start = position + 1;
        var end = text[start..].IndexOf(';');
        end = end < 0 ? text.Length : start + end;
        var part = text[start..end];
        position = end;
        var equals = part.IndexOf('=');
        name = equals >= 0 ? part[..equals] : part;
        if (name.IsEmpty || !SipGrammar.IsEscapedRun(name, SipGrammar.UriParamChars))
        {
            return false;
        }

        if (equals < 0)
        {
            return true;
        }

        value = part[(equals + 1)..];
        hasValue = true;
        return !value.IsEmpty && SipGrammar.IsEscapedRun(value, SipGrammar.UriParamChars);
    }

    private static bool TryReadValue(ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> value)
    {
        value = default;
        if (position >= text.Length)
        {
            return false;
        }

        var start = position;
        if (text[position] == '"')
        {
            var end = SipGrammar.EndOfQuotedString(text, position);
            if (end < 0)
            {
                return false;
            }

            position = end;
        }
        else
        {
            var end = text[position..].IndexOfAnyExcept(SipGrammar.ParameterValueChars);
            position = end < 0 ? text.Length : position + end;

            if (position == start)
            {
                return false;
            }
        }

        value = text[start..position];
        return true;
    }
}
