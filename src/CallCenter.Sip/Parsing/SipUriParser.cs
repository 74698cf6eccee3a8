using System.Buffers;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Where each component of a URI lies in its text; found without allocating, built into a <see cref="SipUri"/> on demand.</summary>
internal readonly record struct UriLayout(
    int SchemeLength,
    bool IsOpaque,
    Range User,
    Range Password,
    bool HasUser,
    bool HasPassword,
    Range Host,
    int? Port,
    Range Parameters,
    Range Headers,
    bool HasHeaders);

/// <summary>Parses SIP/SIPS URIs (RFC 3261 §19.1, §25.1); other schemes are accepted as opaque absolute URIs.</summary>
internal static class SipUriParser
{
    private const int MaxUriLength = 2048;

    /// <summary>Characters no URI may hold unescaped in any scheme: controls, SP, and the delimiters of name-addr.</summary>
    private static readonly SearchValues<char> NeverInUri = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"\u007f");

    public static bool TryParse(ReadOnlySpan<char> text, out SipUri uri)
    {
        uri = null!;
        if (!TryScan(text, out var layout))
        {
            return false;
        }

        uri = Build(text, layout);
        return true;
    }

    public static bool TryParse(string text, out SipUri uri) => TryParse(text.AsSpan(), out uri);

    /// <summary>Checks the grammar and finds the components; allocates nothing.</summary>
    public static bool TryScan(ReadOnlySpan<char> text, out UriLayout layout)
    {
        layout = default;
        if (text.IsEmpty || text.Length > MaxUriLength)
        {
            return false;
        }

        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]))
        {
            return false;
        }

        var restStart = colon + 1;
        var rest = text[restStart..];
        if (rest.ContainsAny(NeverInUri))
        {
            return false;
        }

        if (!IsSipScheme(text[..colon]))
        {
            layout = new UriLayout(colon, IsOpaque: true, default, default, false, false, default, null, default, default, false);
            return !rest.IsEmpty;
        }

        // No component after the user part may hold '@' (§25.1), so the first one ends the userinfo even when the
        // user part itself holds '?' or ';' (RFC 4475 §3.1.1.2, §3.1.1.9).
        Range user = default;
        Range password = default;
        var hasPassword = false;
        var at = rest.IndexOf('@');
        var hostStart = restStart;
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            var userPart = passwordColon >= 0 ? userInfo[..passwordColon] : userInfo;
            if (userPart.IsEmpty || !SipGrammar.IsEscapedRun(userPart, SipGrammar.UserChars))
            {
                return false;
            }

            user = restStart..(restStart + userPart.Length);
            if (passwordColon >= 0)
            {
                var passwordPart = userInfo[(passwordColon + 1)..];
                if (!SipGrammar.IsEscapedRun(passwordPart, SipGrammar.PasswordChars))
                {
                    return false;
                }

                password = (restStart + passwordColon + 1)..(restStart + at);
                hasPassword = true;
            }

            hostStart = restStart + at + 1;
        }

        var afterUser = text[hostStart..];
        Range headers = default;
        var question = afterUser.IndexOf('?');
        var hostAndParametersEnd = text.Length;
        if (question >= 0)
        {
            var headerText = afterUser[(question + 1)..];
            if (!SipGrammar.IsEscapedRun(headerText, SipGrammar.UriHeaderChars))
            {
                return false;
            }

            hostAndParametersEnd = hostStart + question;
            headers = (hostAndParametersEnd + 1)..text.Length;
        }

        var hostAndParameters = text[hostStart..hostAndParametersEnd];
        var semicolon = hostAndParameters.IndexOf(';');
        var hostPort = semicolon >= 0 ? hostAndParameters[..semicolon] : hostAndParameters;
        var parameters = semicolon >= 0 ? hostAndParameters[semicolon..] : default;
        if (!HostParser.TrySplitHostPort(hostPort, out var host, out var port) || !ParameterParser.IsValidUriParameters(parameters))
        {
            return false;
        }

        var parametersStart = hostStart + hostPort.Length;
        layout = new UriLayout(
            colon,
            IsOpaque: false,
            user,
            password,
            HasUser: at >= 0,
            hasPassword,
            hostStart..(hostStart + host.Length),
            port,
            parametersStart..hostAndParametersEnd,
            headers,
            HasHeaders: question >= 0);
        return true;
    }

    public static SipUri Build(ReadOnlySpan<char> text, UriLayout layout)
    {
        var scheme = SchemeName(text[..layout.SchemeLength]);
        if (layout.IsOpaque)
        {
            return new SipUri { Scheme = scheme, Opaque = text[(layout.SchemeLength + 1)..].ToString() };
        }

        ParameterParser.TryParseUriParameters(text[layout.Parameters], out var parameters);
        return new SipUri
        {
            Scheme = scheme,
            User = layout.HasUser ? text[layout.User].ToString() : null,
            Password = layout.HasPassword ? text[layout.Password].ToString() : null,
            Host = text[layout.Host].ToString(),
            Port = layout.Port,
            Parameters = parameters,
            Headers = layout.HasHeaders ? text[layout.Headers].ToString() : null,
        };
    }

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

    private static bool IsSipScheme(ReadOnlySpan<char> scheme) =>
        scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase);

    private static string SchemeName(ReadOnlySpan<char> scheme)
    {
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            return "sip";
        }

        return scheme.Equals("sips", StringComparison.OrdinalIgnoreCase) ? "sips" : scheme.ToString().ToLowerInvariant();
    }
}
