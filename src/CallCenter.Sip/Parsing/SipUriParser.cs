using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Parses SIP/SIPS URIs (RFC 3261 §19.1, §25.1); other schemes are accepted as opaque absolute URIs.</summary>
internal static class SipUriParser
{
    private const int MaxUriLength = 2048;

    public static bool TryParse(ReadOnlySpan<char> text, out SipUri uri)
    {
        uri = null!;
        if (text.IsEmpty || text.Length > MaxUriLength)
        {
            return false;
        }

        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]))
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        foreach (var c in rest)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '\u007f')
            {
                return false;
            }
        }

        var scheme = SchemeName(text[..colon]);
        if (scheme is not ("sip" or "sips"))
        {
            if (rest.IsEmpty)
            {
                return false;
            }

            uri = new SipUri { Scheme = scheme, Opaque = rest.ToString() };
            return true;
        }

        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            var headerText = rest[(question + 1)..];
            if (!SipGrammar.IsEscapedRun(headerText, SipGrammar.IsUriHeaderChar))
            {
                return false;
            }

            headers = headerText.ToString();
            rest = rest[..question];
        }

        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var passwordColon = userInfo.IndexOf(':');
            var userPart = passwordColon >= 0 ? userInfo[..passwordColon] : userInfo;
            if (userPart.IsEmpty || !SipGrammar.IsEscapedRun(userPart, SipGrammar.IsUserChar))
            {
                return false;
            }

            user = userPart.ToString();
            if (passwordColon >= 0)
            {
                var passwordPart = userInfo[(passwordColon + 1)..];
                if (!SipGrammar.IsEscapedRun(passwordPart, SipGrammar.IsPasswordChar))
                {
                    return false;
                }

                password = passwordPart.ToString();
            }
        }

        var semicolon = rest.IndexOf(';');
        var hostPort = semicolon >= 0 ? rest[..semicolon] : rest;
        if (!HostParser.TrySplitHostPort(hostPort, out var host, out var port)
            || !ParameterParser.TryParseUriParameters(semicolon >= 0 ? rest[semicolon..] : default, out var parameters))
        {
            return false;
        }

        uri = new SipUri
        {
            Scheme = scheme,
            User = user,
            Password = password,
            Host = host.ToString(),
            Port = port,
            Parameters = parameters,
            Headers = headers,
        };
        return true;
    }

    public static bool TryParse(string text, out SipUri uri) => TryParse(text.AsSpan(), out uri);

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static string SchemeName(ReadOnlySpan<char> scheme)
    {
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            return "sip";
        }

        return scheme.Equals("sips", StringComparison.OrdinalIgnoreCase) ? "sips" : scheme.ToString().ToLowerInvariant();
    }
}
