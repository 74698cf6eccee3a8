using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Parses <c>*( SWS ";" SWS name [ SWS "=" SWS value ] )</c> parameter lists of headers and URIs.</summary>
internal static class ParameterParser
{
    private const int MaxParameters = 64;

    /// <summary>
    /// Header parameters: values are tokens, quoted strings, or host-like text (received=[::1]).
    /// Stops at the end of <paramref name="text"/>; fails on anything that is not a parameter.
    /// </summary>
    public static bool TryParseHeaderParameters(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        var position = SipGrammar.SkipWhitespace(text, 0);
        if (position == text.Length)
        {
            return true;
        }

        var items = new List<SipParameter>(4);
        while (position < text.Length)
        {
            if (text[position] != ';' || items.Count >= MaxParameters)
            {
                return false;
            }

            position = SipGrammar.SkipWhitespace(text, position + 1);
            var nameStart = position;
            while (position < text.Length && SipGrammar.IsTokenChar(text[position]))
            {
                position++;
            }

            if (position == nameStart)
            {
                return false;
            }

            var name = text[nameStart..position].ToString();
            position = SipGrammar.SkipWhitespace(text, position);
            string? value = null;
            if (position < text.Length && text[position] == '=')
            {
                position = SipGrammar.SkipWhitespace(text, position + 1);
                if (!TryReadValue(text, ref position, out value))
                {
                    return false;
                }

                position = SipGrammar.SkipWhitespace(text, position);
            }

            items.Add(new SipParameter(name, value));
        }

        parameters = new SipParameters(items.ToArray());
        return true;
    }

    /// <summary>URI parameters: <c>;name[=value]</c> with paramchars only, no whitespace (RFC 3261 §19.1.1).</summary>
    public static bool TryParseUriParameters(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        var items = new List<SipParameter>(2);
        foreach (var range in text.Split(';'))
        {
            var part = text[range];
            if (range.Start.Value == 0)
            {
                if (!part.IsEmpty)
                {
                    return false;
                }

                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals >= 0 ? part[..equals] : part;
            var value = equals >= 0 ? part[(equals + 1)..] : default;
            if (name.IsEmpty || !SipGrammar.IsEscapedRun(name, SipGrammar.IsUriParamChar)
                || (equals >= 0 && (value.IsEmpty || !SipGrammar.IsEscapedRun(value, SipGrammar.IsUriParamChar)))
                || items.Count >= MaxParameters)
            {
                return false;
            }

            items.Add(new SipParameter(name.ToString(), equals >= 0 ? value.ToString() : null));
        }

        parameters = new SipParameters(items.ToArray());
        return true;
    }

    private static bool TryReadValue(ReadOnlySpan<char> text, ref int position, out string? value)
    {
        value = null;
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
            while (position < text.Length && (SipGrammar.IsTokenChar(text[position]) || text[position] is ':' or '[' or ']'))
            {
                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        value = text[start..position].ToString();
        return true;
    }
}
