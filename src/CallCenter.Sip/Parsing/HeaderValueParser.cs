using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Where the parts of a Via value lie in its text.</summary>
internal readonly record struct ViaLayout(Range Transport, Range Host, int? Port, Range Parameters);

/// <summary>Where the parts of a name-addr / addr-spec value lie in its text.</summary>
internal readonly record struct NameAddressLayout(Range DisplayName, bool HasDisplayName, bool QuotedDisplayName, Range Uri, UriLayout UriLayout, Range Parameters);

/// <summary>
/// Typed parsing of single header values (one item of a list header). Never throws. Each grammar has a scan that
/// checks the text and finds its parts without allocating (message validation uses it) and a build step that
/// turns the parts into the record (the typed views of <see cref="SipMessage"/> use it, on first read).
/// </summary>
internal static class HeaderValueParser
{
    private const int MaxDisplayNameLength = 256;

    public static bool TryParseVia(string text, out Via via)
    {
        via = null!;
        if (!TryScanVia(text, out var layout))
        {
            return false;
        }

        var span = text.AsSpan();
        ParameterParser.TryParseHeaderParameters(span[layout.Parameters], out var parameters);
        via = new Via(TransportName(span[layout.Transport]), span[layout.Host].ToString(), layout.Port, parameters);
        return true;
    }

    /// <summary>via-parm = sent-protocol LWS sent-by *( SEMI via-params ), LWS allowed around "/" and ":".</summary>
    public static bool TryScanVia(ReadOnlySpan<char> span, out ViaLayout layout)
    {
        layout = default;
        var position = SipGrammar.SkipWhitespace(span, 0);
        if (!TryReadToken(span, ref position, out var protocol) || !protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase)
            || !TryReadSlash(span, ref position) || !TryReadToken(span, ref position, out var version) || version is not "2.0"
            || !TryReadSlash(span, ref position))
        {
            return false;
        }

        var transportStart = position;
        if (!TryReadToken(span, ref position, out _))
        {
            return false;
        }

        var transport = transportStart..position;
        var hostStart = SipGrammar.SkipWhitespace(span, position);
        if (hostStart == position)
        {
            return false;
        }

        var hostEnd = hostStart;
        if (hostEnd < span.Length && span[hostEnd] == '[')
        {
            var close = span[hostStart..].IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            hostEnd = hostStart + close + 1;
        }
        else
        {
            while (hostEnd < span.Length && (char.IsAsciiLetterOrDigit(span[hostEnd]) || span[hostEnd] is '-' or '.'))
            {
                hostEnd++;
            }
        }

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

        if (!HostParser.IsValidHost(span[hostStart..hostEnd]) || !ParameterParser.IsValidHeaderParameters(span[position..]))
        {
            return false;
        }

        layout = new ViaLayout(transport, hostStart..hostEnd, port, position..span.Length);
        return true;
    }

    /// <summary>name-addr / addr-spec followed by header parameters (From, To, Contact, Route, Record-Route).</summary>
    public static bool TryParseNameAddress(string text, out NameAddress address)
    {
        address = null!;
        if (!TryScanNameAddress(text, out var layout))
        {
            return false;
        }

        var span = text.AsSpan();
        string? displayName = null;
        if (layout.HasDisplayName)
        {
            displayName = layout.QuotedDisplayName ? QuotedString.Unquote(span[layout.DisplayName]) : span[layout.DisplayName].ToString();
        }

        var uri = SipUriParser.Build(span[layout.Uri], layout.UriLayout);
        ParameterParser.TryParseHeaderParameters(span[layout.Parameters], out var parameters);
        address = new NameAddress(displayName, uri, parameters);
        return true;
    }

    public static bool TryScanNameAddress(ReadOnlySpan<char> text, out NameAddressLayout layout)
    {
        layout = default;
        var start = 0;
        var end = text.Length;
        while (start < end && SipGrammar.IsWhitespace(text[start]))
        {
            start++;
        }

        while (end > start && SipGrammar.IsWhitespace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return false;
        }

        Range displayName = default;
        var hasDisplayName = false;
        var quoted = false;
        var position = start;
        if (text[start] == '"')
        {
            var close = SipGrammar.EndOfQuotedString(text[..end], start);
            if (close < 0 || close - start - 2 > MaxDisplayNameLength)
            {
                return false;
            }

            displayName = start..close;
            hasDisplayName = quoted = true;
            position = SipGrammar.SkipWhitespace(text[..end], close);
            if (position >= end || text[position] != '<')
            {
                return false;
            }
        }

        Range uri;
        Range parameters;
        var open = text[position..end].IndexOf('<');
        if (open >= 0)
        {
            open += position;
            if (!quoted)
            {
                var nameEnd = open;
                while (nameEnd > start && SipGrammar.IsWhitespace(text[nameEnd - 1]))
                {
                    nameEnd--;
                }

                var name = text[start..nameEnd];
                if (name.Length > MaxDisplayNameLength || !IsTokenSequence(name))
                {
                    return false;
                }

                hasDisplayName = !name.IsEmpty;
                displayName = start..nameEnd;
            }

            var close = text[open..end].IndexOf('>');
            if (close < 0)
            {
                return false;
            }

            close += open;
            uri = (open + 1)..close;
            parameters = (close + 1)..end;
        }
        else
        {
            // addr-spec: a URI holding ',', '?' or ';' must be in angle brackets (§20.10), so here the first ';'
            // starts the header parameters and the URI may hold neither '?' nor whitespace.
            var semicolon = text[start..end].IndexOf(';');
            var uriEnd = semicolon >= 0 ? start + semicolon : end;
            while (uriEnd > start && SipGrammar.IsWhitespace(text[uriEnd - 1]))
            {
                uriEnd--;
            }

            uri = start..uriEnd;
            parameters = uriEnd..end;
            if (text[uri].IndexOfAny(" \t?,") >= 0)
            {
                return false;
            }
        }

        if (!SipUriParser.TryScan(text[uri], out var uriLayout) || !ParameterParser.IsValidHeaderParameters(text[parameters]))
        {
            return false;
        }

        layout = new NameAddressLayout(displayName, hasDisplayName, quoted, uri, uriLayout, parameters);
        return true;
    }

    /// <summary>CSeq = 1*DIGIT LWS Method, with the number below 2^31.</summary>
    public static bool TryParseCSeq(ReadOnlySpan<char> text, out CSeq cseq)
    {
        cseq = default;
        if (!TryScanCSeq(text, out var number, out var method))
        {
            return false;
        }

        cseq = new CSeq(number, SipMethods.Intern(text[method]));
        return true;
    }

    public static bool TryParseCSeq(string text, out CSeq cseq) => TryParseCSeq(text.AsSpan(), out cseq);

    public static bool TryScanCSeq(ReadOnlySpan<char> text, out long number, out Range method)
    {
        number = 0;
        method = default;
        var position = SipGrammar.SkipWhitespace(text, 0);
        var numberStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            number = number * 10 + (text[position] - '0');
            if (number > CSeq.MaxNumber)
            {
                return false;
            }

            position++;
        }

        var methodStart = SipGrammar.SkipWhitespace(text, position);
        var methodEnd = text.Length;
        while (methodEnd > methodStart && SipGrammar.IsWhitespace(text[methodEnd - 1]))
        {
            methodEnd--;
        }

        if (position == numberStart || methodStart == position || !SipGrammar.IsToken(text[methodStart..methodEnd]))
        {
            return false;
        }

        method = methodStart..methodEnd;
        return true;
    }

    private static bool TryReadToken(ReadOnlySpan<char> span, ref int position, out ReadOnlySpan<char> token)
    {
        var start = position;
        position += SipGrammar.TokenLength(span[position..]);
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
        _ when transport.Equals("WS", StringComparison.OrdinalIgnoreCase) => "WS",
        _ when transport.Equals("WSS", StringComparison.OrdinalIgnoreCase) => "WSS",
        _ => transport.ToString().ToUpperInvariant(),
    };
}
