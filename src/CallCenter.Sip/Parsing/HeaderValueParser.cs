using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Typed parsing of single header values (one item of a list header). Never throws.</summary>
internal static class HeaderValueParser
{
    private const int MaxDisplayNameLength = 256;

    /// <summary>via-parm = sent-protocol LWS sent-by *( SEMI via-params ), LWS allowed around "/" and ":".</summary>
    public static bool TryParseVia(string text, out Via via)
    {
        via = null!;
        var span = text.AsSpan();
        var position = SipGrammar.SkipWhitespace(span, 0);
        if (!TryReadToken(span, ref position, out var protocol) || !protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase)
            || !TryReadSlash(span, ref position) || !TryReadToken(span, ref position, out var version) || version is not "2.0"
            || !TryReadSlash(span, ref position) || !TryReadToken(span, ref position, out var transport))
        {
            return false;
        }

        var hostStart = SipGrammar.SkipWhitespace(span, position);
        if (hostStart == position)
        {
            return false;
        }

        var hostEnd = hostStart;
        if (hostEnd < span.Length && span[hostEnd] == '[')
        {
            hostEnd = span.IndexOf(']') + 1;
            if (hostEnd <= 0)
            {
                return false;
            }
        }
        else
        {
            while (hostEnd < span.Length && (char.IsAsciiLetterOrDigit(span[hostEnd]) || span[hostEnd] is '-' or '.'))
            {
                hostEnd++;
            }
        }

        var host = span[hostStart..hostEnd];
        position = SipGrammar.SkipWhitespace(span, hostEnd);
        int? port = null;
        if (position < span.Length && span[position] == ':')
        {
            position = SipGrammar.SkipWhitespace(span, position + 1);
            var portStart = position;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                position++;
            }

            if (!HostParser.TryParsePort(span[portStart..position], out var portValue))
            {
                return false;
            }

            port = portValue;
        }

        if (!HostParser.IsValidHost(host) || !ParameterParser.TryParseHeaderParameters(span[position..], out var parameters))
        {
            return false;
        }

        via = new Via(TransportName(transport), host.ToString(), port, parameters);
        return true;
    }

    /// <summary>name-addr / addr-spec followed by header parameters (From, To, Contact, Route, Record-Route).</summary>
    public static bool TryParseNameAddress(string text, out NameAddress address)
    {
        address = null!;
        var span = text.AsSpan().Trim(" \t");
        if (span.IsEmpty)
        {
            return false;
        }

        string? displayName = null;
        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> parameterText;
        var position = 0;
        if (span[0] == '"')
        {
            var end = SipGrammar.EndOfQuotedString(span, 0);
            if (end < 0 || end - 2 > MaxDisplayNameLength)
            {
                return false;
            }

            displayName = QuotedString.Unquote(span[..end].ToString());
            position = SipGrammar.SkipWhitespace(span, end);
            if (position >= span.Length || span[position] != '<')
            {
                return false;
            }
        }

        var open = span[position..].IndexOf('<');
        if (open >= 0)
        {
            open += position;
            if (displayName is null)
            {
                var name = span[..open].Trim(" \t");
                if (name.Length > MaxDisplayNameLength || !IsTokenSequence(name))
                {
                    return false;
                }

                displayName = name.IsEmpty ? null : name.ToString();
            }

            var close = span[open..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }

            close += open;
            uriText = span[(open + 1)..close];
            parameterText = span[(close + 1)..];
        }
        else
        {
            // addr-spec: a URI with ';', ',' or '?' must be in angle brackets, so the first ';' after the
            // user part starts the header parameters (§20.10).
            var at = span.IndexOf('@');
            var semicolon = span[(at + 1)..].IndexOf(';');
            var uriEnd = semicolon >= 0 ? at + 1 + semicolon : span.Length;
            uriText = span[..uriEnd];
            parameterText = span[uriEnd..];
            if (uriText.IndexOfAny(' ', '\t') >= 0)
            {
                return false;
            }
        }

        if (!SipUriParser.TryParse(uriText, out var uri) || !ParameterParser.TryParseHeaderParameters(parameterText, out var parameters))
        {
            return false;
        }

        address = new NameAddress(displayName, uri, parameters);
        return true;
    }

    /// <summary>CSeq = 1*DIGIT LWS Method, with the number below 2^31.</summary>
    public static bool TryParseCSeq(ReadOnlySpan<char> text, out CSeq cseq)
    {
        cseq = default;
        var span = text.Trim(" \t");
        var position = 0;
        long number = 0;
        while (position < span.Length && char.IsAsciiDigit(span[position]))
        {
            number = number * 10 + (span[position] - '0');
            if (number > CSeq.MaxNumber)
            {
                return false;
            }

            position++;
        }

        var methodStart = SipGrammar.SkipWhitespace(span, position);
        if (position == 0 || methodStart == position || !SipGrammar.IsToken(span[methodStart..]))
        {
            return false;
        }

        cseq = new CSeq(number, SipMethods.Intern(span[methodStart..]));
        return true;
    }

    public static bool TryParseCSeq(string text, out CSeq cseq) => TryParseCSeq(text.AsSpan(), out cseq);

    private static bool TryReadToken(ReadOnlySpan<char> span, ref int position, out ReadOnlySpan<char> token)
    {
        var start = position;
        while (position < span.Length && SipGrammar.IsTokenChar(span[position]))
        {
            position++;
        }

        token = span[start..position];
        return !token.IsEmpty;
    }

    private static bool TryReadSlash(ReadOnlySpan<char> span, ref int position)
    {
        position = SipGrammar.SkipWhitespace(span, position);
        if (position >= span.Length || span[position] != '/')
        {
            return false;
        }

        position = SipGrammar.SkipWhitespace(span, position + 1);
        return true;
    }

    private static bool IsTokenSequence(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!SipGrammar.IsTokenChar(c) && !SipGrammar.IsWhitespace(c) && c < 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static string TransportName(ReadOnlySpan<char> transport) => transport switch
    {
        _ when transport.Equals("UDP", StringComparison.OrdinalIgnoreCase) => "UDP",
        _ when transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) => "TCP",
        _ when transport.Equals("TLS", StringComparison.OrdinalIgnoreCase) => "TLS",
        _ => transport.ToString().ToUpperInvariant(),
    };
}
